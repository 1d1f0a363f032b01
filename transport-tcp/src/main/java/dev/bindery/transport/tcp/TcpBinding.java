package dev.bindery.transport.tcp;

import dev.bindery.transport.ConnectorBinding;
import dev.bindery.transport.InetEndpoint;
import org.eclipse.jetty.server.ServerConnector;

/** A TCP connector in a server, described with the port it really got. */
final class TcpBinding extends ConnectorBinding
{
    private final InetEndpoint endpoint;
    private final ServerConnector connector;

    TcpBinding(InetEndpoint endpoint, ServerConnector connector)
    {
        super(endpoint, connector);
        this.endpoint = endpoint;
        this.connector = connector;
    }

    @Override
    public String describe()
    {
        // Port 0 asks the kernel to choose; once open, the connector knows which port it got
        int port = connector.getLocalPort() > 0 ? connector.getLocalPort() : endpoint.port();
        return endpoint.hostText() + ":" + port;
    }
}
