package dev.bindery.transport.uds;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection accepted on a {@link UnixSocketConnector}. It shows handlers the socket's path as
 * the local address, rather than the private path the listener was bound at (which the kernel
 * reports), and holds the peer's credentials, read once when the connection is accepted.
 *
 * <p>Jetty creates end points on a pool thread, not the selector thread, so the name lookups the
 * JDK makes for the peer's ids hold up no other connection.
 */
final class UnixSocketEndPoint extends SocketChannelEndPoint
{
    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketEndPoint.class);

    private final SocketAddress socketPath;
    private final Optional<PeerCredentials> peerCredentials;

    UnixSocketEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
            Scheduler scheduler, SocketAddress socketPath)
    {
        super(channel, selector, key, scheduler);
        this.socketPath = socketPath;
        this.peerCredentials = readPeerCredentials(channel, socketPath);
    }

    @Override
    public SocketAddress getLocalSocketAddress()
    {
        return socketPath;
    }

    Optional<PeerCredentials> peerCredentials()
    {
        return peerCredentials;
    }

    private static Optional<PeerCredentials> readPeerCredentials(SocketChannel channel,
            SocketAddress socketPath)
    {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            PeerCredentials credentials = PeerCredentials.resolve(peer.user().getName(),
                    peer.group().getName(), AccountDatabase.system());
            LOG.debug("Accepted a connection on unix:{} from {}", socketPath, credentials);
            return Optional.of(credentials);
        }
        catch (IOException | UnsupportedOperationException e) {
            // SO_PEERCRED exists on Linux and macOS only
            LOG.debug("Accepted a connection on unix:{}; unable to read the peer's "
                    + "credentials: {}", socketPath, e.toString());
            return Optional.empty();
        }
    }
}
