package dev.bindery.transport;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * Puts one endpoint into a Jetty {@link Server}.
 *
 * <p>{@link #install} only adds a connector: nothing is bound, created or deleted until the server
 * starts. A failure to bind at start surfaces from {@code Server.start()} as a
 * {@link BindingException} (possibly wrapped by Jetty); {@link Bindings#findBindingFailure} finds it.
 */
public interface Transport
{
    /** Whether this transport can listen on the endpoint. */
    boolean supports(Endpoint endpoint);

    /**
     * Adds a connector for the endpoint to the server.
     *
     * @param factories the protocols to speak; none means plain HTTP/1.1 with Jetty's defaults
     * @throws IllegalArgumentException when this transport does not support the endpoint
     */
    Binding install(Server server, Endpoint endpoint, ConnectionFactory... factories);
}
