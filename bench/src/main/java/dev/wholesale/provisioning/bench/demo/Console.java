package dev.wholesale.provisioning.bench.demo;

/** Prints the demo's story to stdout, one clear line at a time. */
final class Console {

    synchronized void headline(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    synchronized void line(String text) {
        System.out.println("   " + text);
    }

    synchronized void sent(String type, String requestId, String topic) {
        System.out.println("-> " + type + "  id=" + requestId + "  to " + topic);
    }

    synchronized void received(String text) {
        System.out.println("<- " + text);
    }
}
