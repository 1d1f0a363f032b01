package dev.bindery.transport.tcp;

import static java.util.Objects.requireNonNull;

import dev.bindery.transport.Binding;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.InetEndpoint;
import dev.bindery.transport.Transport;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * Listens on an IP address and port. An endpoint with no address listens on every interface; on
 * Linux that is one IPv6 socket that also accepts IPv4 ({@code [::]}).
 */
public final class TcpTransport implements Transport
{
    private final TcpSettings settings;

    public TcpTransport(TcpSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public boolean supports(Endpoint endpoint)
    {
        return endpoint instanceof InetEndpoint;
    }

    @Override
    public Binding install(Server server, Endpoint endpoint, ConnectionFactory... factories)
    {
        if (!(endpoint instanceof InetEndpoint inet)) {
            throw new IllegalArgumentException("The TCP transport cannot listen on " + endpoint.describe()
                    + ": add bindery-transport-uds for a Unix socket");
        }
        ConnectionFactory[] protocols = factories.length == 0
                ? new ConnectionFactory[] {new HttpConnectionFactory()}
                : factories;

        TcpConnector connector = new TcpConnector(server, inet, protocols);
        connector.setHost(inet.address().map(java.net.InetAddress::getHostAddress).orElse(null));
        connector.setPort(inet.port());
        connector.setAcceptQueueSize(settings.backlog());
        server.addConnector(connector);
        return new TcpBinding(inet, connector);
    }
}
