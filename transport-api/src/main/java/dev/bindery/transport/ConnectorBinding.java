package dev.bindery.transport;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.server.Connector;

/**
 * A binding that is one Jetty connector in its server; transports add only how it describes
 * itself.
 */
public abstract class ConnectorBinding implements Binding
{
    private final Endpoint endpoint;
    private final Connector connector;

    protected ConnectorBinding(Endpoint endpoint, Connector connector)
    {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.connector = requireNonNull(connector, "connector is null");
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
    public void remove() throws Exception
    {
        connector.stop();
        connector.getServer().removeConnector(connector);
    }
}
