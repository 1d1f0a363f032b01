package dev.bindery.transport.uds;

import dev.bindery.transport.Binding;
import dev.bindery.transport.Endpoint;

import org.eclipse.jetty.server.Connector;

/** The connector a {@link UnixSocketTransport} added, and how to take it out again. */
final class UnixSocketBinding implements Binding
{
    private final Endpoint endpoint;
    private final UnixSocketConnector connector;

    UnixSocketBinding(Endpoint endpoint, UnixSocketConnector connector)
    {
        this.endpoint = endpoint;
        this.connector = connector;
    }

    @Override
    public Endpoint endpoint()
    {
        return endpoint;
    }

    @Override
    public Connector connector()
    {
        return connector;
    }

    @Override
    public String describe()
    {
        return endpoint.describe() + " (" + connector.getSettings().describe() + ")";
    }

    @Override
    public void remove() throws Exception
    {
        connector.stop();
        connector.getServer().removeConnector(connector);
    }
}
