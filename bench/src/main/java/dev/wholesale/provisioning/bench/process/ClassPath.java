package dev.wholesale.provisioning.bench.process;

/** The class path of this JVM, to start helper processes (a Kafka broker) from the same jars. */
final class ClassPath {

    private ClassPath() {
    }

    static String current() {
        // Surefire and Failsafe may start tests from a manifest-only jar; they publish the real path here.
        String testClassPath = System.getProperty("surefire.test.class.path");
        return testClassPath != null && !testClassPath.isBlank() ? testClassPath : System.getProperty("java.class.path");
    }
}
