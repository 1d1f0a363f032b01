package dev.bindery.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGTERM and SIGINT into a graceful stop. A JVM left to its default handling runs shutdown
 * hooks and exits with 128 + the signal (143 for SIGTERM); handling the signals here lets the
 * process drain and then exit with status 0, as a service manager expects of a requested stop.
 */
final class SignalHandlers
{
    private static final Logger LOG = LoggerFactory.getLogger(SignalHandlers.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private SignalHandlers() {}

    /** Runs {@code stop} once, on its own thread, at the first SIGTERM or SIGINT. */
    static void install(Runnable stop)
    {
        AtomicBoolean received = new AtomicBoolean();
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), signal -> {
                if (!received.compareAndSet(false, true)) {
                    LOG.info("Received SIG{} while stopping; still waiting for requests in flight",
                            signal.getName());
                    return;
                }
                LOG.info("Received SIG{}", signal.getName());
                // The signal dispatcher thread must not block for the whole drain
                Thread stopper = new Thread(stop, "bindery-stop");
                stopper.start();
            });
        }
    }
}
