package dev.wholesale.provisioning.testkit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks Testcontainers whether a Docker engine answers, without letting the question hurt.
 *
 * <p>{@code DockerClientFactory.isDockerAvailable()} tries several strategies (socket, DOCKER_HOST,
 * config files); on a machine without an engine it normally says no quickly, but a half-configured
 * host (stale socket, unreachable DOCKER_HOST) can block for long. So the call runs in a daemon thread
 * with a deadline, and every failure, including Testcontainers missing from the class path, is a plain
 * {@code false}.
 */
final class DockerProbe {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private DockerProbe() {
    }

    static boolean dockerAnswers() {
        return dockerAnswers(DEFAULT_TIMEOUT);
    }

    static boolean dockerAnswers(Duration timeout) {
        FutureTask<Boolean> probe = new FutureTask<>(
                () -> org.testcontainers.DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(probe, "testkit-docker-probe");
        thread.setDaemon(true); // a hung probe must not keep the JVM alive
        thread.start();
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
