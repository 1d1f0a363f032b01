package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server reports about itself: version, transport, where it listens, since when, how many
 * requests it has served, and whether it is draining. Shared by every handler; cheap to update.
 */
public final class ServerStatus
{
    private final String version;
    private final String transport;
    private final LongAdder requestsServed = new LongAdder();

    private volatile String endpoint;
    private volatile long startedNanos;
    private volatile boolean draining;

    /**
     * @param transport {@code tcp} or {@code unix}
     * @param endpoint where the server listens, until {@link #started} gives the exact place
     */
    public ServerStatus(String version, String transport, String endpoint)
    {
        this.version = requireNonNull(version, "version is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.startedNanos = System.nanoTime();
    }

    /** Marks the start: uptime counts from now, and the endpoint is the one bound (port 0 resolved). */
    public void started(String boundEndpoint)
    {
        this.endpoint = requireNonNull(boundEndpoint, "boundEndpoint is null");
        this.startedNanos = System.nanoTime();
    }

    /** From now on {@code /health} answers 503 so that load balancers and proxies look elsewhere. */
    public void startDraining()
    {
        draining = true;
    }

    public boolean isDraining()
    {
        return draining;
    }

    public void countRequest()
    {
        requestsServed.increment();
    }

    public long requestsServed()
    {
        return requestsServed.sum();
    }

    public long uptimeSeconds()
    {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    public String version()
    {
        return version;
    }

    public String transport()
    {
        return transport;
    }

    public String endpoint()
    {
        return endpoint;
    }
}
