package dev.bindery.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.bindery.app.web.LiveStatusBroadcaster;
import dev.bindery.app.web.ServerStatus;
import dev.bindery.transport.Binding;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.InetEndpoint;
import dev.bindery.transport.Transport;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

/**
 * Starts the server on its endpoint and stops it gracefully: draining first, so that requests in
 * flight may finish for up to the shutdown grace.
 */
public final class ServerLifecycle
{
    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);

    private final Server server;
    private final Transport transport;
    private final Endpoint endpoint;
    private final HttpConfiguration httpConfiguration;
    private final ServerStatus status;
    private final LiveStatusBroadcaster live;
    private final Duration grace;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Binding binding;
    private boolean stopping;

    @Inject
    public ServerLifecycle(
            Server server,
            Transport transport,
            Endpoint endpoint,
            HttpConfiguration httpConfiguration,
            ServerStatus status,
            LiveStatusBroadcaster live,
            AppSettings settings)
    {
        this.server = requireNonNull(server, "server is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.httpConfiguration = requireNonNull(httpConfiguration, "httpConfiguration is null");
        this.status = requireNonNull(status, "status is null");
        this.live = requireNonNull(live, "live is null");
        this.grace = settings.shutdownGrace();
    }

    /**
     * Binds the endpoint and starts serving, unless {@link #stop()} came first (a signal during
     * startup), in which case nothing is bound.
     *
     * @throws Exception what {@code Server.start()} threw; a failure to bind carries a
     *         {@link dev.bindery.transport.BindingException} among its causes
     */
    public synchronized void start() throws Exception
    {
        if (stopping) {
            return;
        }

        binding = transport.install(server, endpoint, new HttpConnectionFactory(httpConfiguration));
        try {
            server.start();
        }
        catch (Exception e) {
            // Jetty leaves threads and beans of a failed start running
            stopQuietly();
            throw e;
        }

        status.started(boundEndpoint(binding));
        LOG.info("Listening on {}", binding.describe());
    }

    /**
     * Stops accepting connections, turns {@code /health} to 503, lets requests in flight finish
     * for up to the shutdown grace, then stops. Calling it again does nothing.
     */
    public void stop()
    {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            LOG.info("Stopping: requests in flight have up to {} to finish", describe(grace));
            status.startDraining();
            live.closeAll();

            try {
                server.stop();
            }
            catch (TimeoutException e) {
                LOG.warn("Unable to finish every request within {}; closed the rest", describe(grace));
            }
            catch (Exception e) {
                LOG.warn("Unable to stop cleanly: {}", e.toString(), e);
            }
            releaseBinding();
            LOG.info("Stopped");
        }
        finally {
            stopped.countDown();
        }
    }

    /** Waits until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException
    {
        stopped.await();
    }

    public Server server()
    {
        return server;
    }

    /**
     * Where the server listens, for the status document: {@code 127.0.0.1:4000} with port 0
     * resolved to the port the kernel chose, or {@code unix:/path}.
     */
    private static String boundEndpoint(Binding binding)
    {
        if (binding.endpoint() instanceof InetEndpoint inet
                && binding.connector() instanceof NetworkConnector network) {
            return new InetEndpoint(inet.address(), network.getLocalPort()).describe();
        }
        return binding.endpoint().describe();
    }

    private void releaseBinding()
    {
        // The connector has stopped with the server; this lets the transport release what it made
        // for it (a Unix socket file and its lock)
        try {
            if (binding != null) {
                binding.remove();
            }
        }
        catch (Exception e) {
            LOG.warn("Unable to release {}: {}", binding.describe(), e.toString(), e);
        }
    }

    private void stopQuietly()
    {
        try {
            server.stop();
        }
        catch (Exception e) {
            LOG.debug("Unable to stop after a failed start", e);
        }
        releaseBinding();
    }

    private static String describe(Duration duration)
    {
        return duration.toString().substring(2).toLowerCase();
    }
}
