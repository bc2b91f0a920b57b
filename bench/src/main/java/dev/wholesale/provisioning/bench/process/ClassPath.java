package dev.wholesale.provisioning.bench.process;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class path of this program, to start helper processes (a Kafka broker) from the same jars. */
final class ClassPath {

    private ClassPath() {
    }

    static String current() {
        // Run by Maven's exec:java, the program's jars are in its class loader, not on java.class.path.
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    // skip
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        // Surefire and Failsafe may start tests from a manifest-only jar; they publish the real path here.
        String testClassPath = System.getProperty("surefire.test.class.path");
        return testClassPath != null && !testClassPath.isBlank() ? testClassPath : System.getProperty("java.class.path");
    }
}
