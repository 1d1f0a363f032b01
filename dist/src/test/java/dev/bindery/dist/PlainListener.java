package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Another program's listener, played by the test: a socket that accepts every
 * connection, says {@link #GREETING} and closes it. It stands for a live server
 * that Bindery must leave alone. Closing it stops it and removes its socket file.
 */
final class PlainListener implements AutoCloseable
{
    static final String GREETING = "not bindery\n";

    private final ServerSocketChannel channel;
    private final SocketAddress address;
    private final Path socket;
    private final long inode;
    private final Thread acceptor;

    private PlainListener(ServerSocketChannel channel, SocketAddress address, Path socket)
    {
        this.channel = channel;
        this.address = address;
        this.socket = socket;
        this.inode = socket == null ? -1 : DiskSnapshot.entry(socket).inode();
        this.acceptor = new Thread(this::acceptUntilClosed, "plain-listener " + address);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Binds a Unix socket at the path, which must be free. */
    static PlainListener atPath(Path socket)
    {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            return new PlainListener(channel, UnixDomainSocketAddress.of(socket), socket);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens on a free TCP port of the loopback address. */
    static PlainListener onLoopbackPort()
    {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new PlainListener(channel, channel.getLocalAddress(), null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port()
    {
        return ((InetSocketAddress) address).getPort();
    }

    /** Connects afresh and reads what the listener says: {@link #GREETING} while it serves. */
    String greeting()
    {
        try (SocketChannel client = SocketChannel.open(address)) {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            while (client.read(buffer) >= 0 && buffer.hasRemaining()) {
                // until the listener closes
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the listener at " + address + " does not answer", e);
        }
    }

    @Override
    public void close()
    {
        try {
            channel.close();
            acceptor.join(5_000);
            // Only its own socket file: the path may hold another one by now
            if (socket != null && Files.exists(socket, LinkOption.NOFOLLOW_LINKS)
                    && DiskSnapshot.entry(socket).inode() == inode) {
                Files.delete(socket);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptUntilClosed()
    {
        ByteBuffer greeting = ByteBuffer.wrap(GREETING.getBytes(StandardCharsets.UTF_8));
        while (channel.isOpen()) {
            try (SocketChannel connection = channel.accept()) {
                connection.write(greeting.duplicate());
            }
            catch (IOException e) {
                // Closed by close(), or a client that hung up first (such as Bindery's probe)
            }
        }
    }
}
