package dev.bindery.transport.uds;

import static java.util.Objects.requireNonNull;

import dev.bindery.transport.Binding;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.Transport;
import dev.bindery.transport.UnixSocketEndpoint;

import java.util.Optional;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * Listens on a Unix domain socket and owns the socket file's whole life: see
 * {@link UnixSocketConnector}. Usable with a plain Jetty {@link Server}:
 *
 * <pre>{@code
 * Transport transport = new UnixSocketTransport(UnixSocketSettings.defaults());
 * Binding binding = transport.install(server, Endpoint.unixSocket(Path.of("/run/app/http.sock")));
 * server.start();
 * }</pre>
 */
public final class UnixSocketTransport implements Transport
{
    private final UnixSocketSettings settings;
    private final Optional<SocketGroup> group;

    /**
     * @throws dev.bindery.transport.ConfigurationException when the group does not exist
     */
    public UnixSocketTransport(UnixSocketSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.group = SocketGroup.lookup(settings.group());
    }

    public UnixSocketSettings settings()
    {
        return settings;
    }

    @Override
    public boolean supports(Endpoint endpoint)
    {
        return endpoint instanceof UnixSocketEndpoint;
    }

    @Override
    public Binding install(Server server, Endpoint endpoint, ConnectionFactory... factories)
    {
        if (!(endpoint instanceof UnixSocketEndpoint unix)) {
            throw new IllegalArgumentException("The Unix socket transport cannot listen on "
                    + endpoint.describe()
                    + "; use the TCP transport (bindery-transport-tcp) for it");
        }
        UnixSocketConnector connector =
                new UnixSocketConnector(server, unix.path(), settings, group, factories);
        server.addConnector(connector);
        return new UnixSocketBinding(endpoint, connector);
    }
}
