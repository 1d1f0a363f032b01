package dev.bindery.transport;

import org.eclipse.jetty.server.Connector;

/** The handle a {@link Transport} returns: the connector it added and how to undo it. */
public interface Binding
{
    Endpoint endpoint();

    Connector connector();

    /**
     * Where the server listens, for the log: {@code 127.0.0.1:4000} with the port the kernel chose,
     * or {@code unix:/run/app.sock (mode 0660, group www)}. Exact once the server has started.
     */
    String describe();

    /** Stops the connector, releases what the transport created for it, and removes it from the server. */
    void remove() throws Exception;
}
