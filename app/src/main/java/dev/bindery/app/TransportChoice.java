package dev.bindery.app;

import com.google.inject.Module;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.InetEndpoint;
import dev.bindery.transport.UnixSocketEndpoint;
import dev.bindery.transport.tcp.TcpModule;
import dev.bindery.transport.uds.UnixSocketModule;

/**
 * Picks the transport for an endpoint. This is the one place that knows which transports exist;
 * everything else works with the {@link dev.bindery.transport.Transport} the chosen module binds.
 */
public final class TransportChoice
{
    private TransportChoice() {}

    public static Module moduleFor(Endpoint endpoint)
    {
        if (endpoint instanceof UnixSocketEndpoint) {
            return new UnixSocketModule();
        }
        if (endpoint instanceof InetEndpoint) {
            return new TcpModule();
        }
        throw new IllegalArgumentException("No transport for endpoint " + endpoint.describe());
    }
}
