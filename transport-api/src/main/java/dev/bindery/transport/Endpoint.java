package dev.bindery.transport;

import java.nio.file.Path;

/**
 * Where a server listens: an IP address and port, or a Unix domain socket path. An endpoint is a
 * value; binding it is the job of a {@link Transport}.
 */
public sealed interface Endpoint permits InetEndpoint, UnixSocketEndpoint
{
    /** The short name of the transport kind this endpoint needs: {@code tcp} or {@code unix}. */
    String kind();

    /** How an operator writes this endpoint: {@code 127.0.0.1:4000}, {@code [::]:4000}, {@code unix:/run/app.sock}. */
    String describe();

    /**
     * Reads an endpoint the way {@code HTTP_BINDING_ADDRESS} and {@code PORT} are written.
     *
     * @throws ConfigurationException naming the variable and value when either cannot work
     */
    static Endpoint parse(String bindingAddress, String port)
    {
        return EndpointParser.parse(bindingAddress, port);
    }

    static Endpoint unixSocket(Path path)
    {
        return new UnixSocketEndpoint(path);
    }
}
