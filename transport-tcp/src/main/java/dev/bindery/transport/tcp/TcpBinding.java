package dev.bindery.transport.tcp;

import dev.bindery.transport.Binding;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.InetEndpoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A TCP connector in a server, and the port it really got. */
final class TcpBinding implements Binding
{
    private final Server server;
    private final InetEndpoint endpoint;
    private final ServerConnector connector;

    TcpBinding(Server server, InetEndpoint endpoint, ServerConnector connector)
    {
        this.server = server;
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
        // Port 0 asks the kernel to choose; once open, the connector knows which port it got
        int port = connector.getLocalPort() > 0 ? connector.getLocalPort() : endpoint.port();
        return endpoint.hostText() + ":" + port;
    }

    @Override
    public void remove() throws Exception
    {
        connector.stop();
        server.removeConnector(connector);
    }
}
