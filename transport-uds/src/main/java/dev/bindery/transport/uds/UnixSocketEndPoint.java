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
 * reports), and holds the peer's credentials, read when a handler first asks for them.
 *
 * <p>Reading them costs a system call and, in the JDK, a look-up of the peer's user and group
 * names in the account database: behind a proxy without upstream keepalive, a connection per
 * request. So only connections whose credentials are wanted pay for them, once each.
 */
final class UnixSocketEndPoint extends SocketChannelEndPoint
{
    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketEndPoint.class);

    private final SocketAddress socketPath;
    // Null until first asked for; then the same value for the connection's life
    private volatile Optional<PeerCredentials> peerCredentials;

    UnixSocketEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
            Scheduler scheduler, SocketAddress socketPath)
    {
        super(channel, selector, key, scheduler);
        this.socketPath = socketPath;
    }

    @Override
    public SocketAddress getLocalSocketAddress()
    {
        return socketPath;
    }

    Optional<PeerCredentials> peerCredentials()
    {
        Optional<PeerCredentials> credentials = peerCredentials;
        if (credentials == null) {
            // Two threads racing here read the same kernel values; either result may stand
            credentials = readPeerCredentials((SocketChannel) getChannel(), socketPath);
            peerCredentials = credentials;
        }
        return credentials;
    }

    private static Optional<PeerCredentials> readPeerCredentials(SocketChannel channel,
            SocketAddress socketPath)
    {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            PeerCredentials credentials = PeerCredentials.resolve(peer.user().getName(),
                    peer.group().getName(), AccountDatabase.system());
            LOG.debug("Connection on unix:{} is from {}", socketPath, credentials);
            return Optional.of(credentials);
        }
        catch (IOException | UnsupportedOperationException e) {
            // SO_PEERCRED exists on Linux and macOS only
            LOG.debug("Unable to read the credentials of a peer on unix:{}: {}", socketPath,
                    e.toString());
            return Optional.empty();
        }
    }
}
