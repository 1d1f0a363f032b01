package dev.bindery.transport.uds;

import dev.bindery.transport.BindingException;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's Unix socket connector, with the socket file's whole life around it.
 *
 * <p>Jetty binds its path and, on stop, deletes whatever is at that path, even after a failed
 * start. So Jetty is only ever given a path inside a private directory this connector created;
 * the target path is handled here alone:
 * <ol>
 * <li>check the path ({@link SocketPathCheck});</li>
 * <li>lock {@code <path>.lock} ({@link SocketLock});</li>
 * <li>see what is at the path ({@link ExistingSocketProbe});</li>
 * <li>bind in the private directory, set mode and group, move onto the path
 *     ({@link PrivateBindDirectory}, {@link SocketAccess}, {@link PlacedSocket});</li>
 * <li>on stop, close, remove the path if it is still ours, release the lock.</li>
 * </ol>
 * A failed start undoes what it did, so the disk is as it was before.
 *
 * <p>Each accepted connection reads its peer's credentials once: see {@link PeerCredentials}.
 */
public class UnixSocketConnector extends UnixDomainServerConnector
{
    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketConnector.class);

    private final Path target;
    private final UnixSocketSettings settings;
    private final Optional<SocketGroup> group;

    // What the running connector holds; null while stopped
    private SocketLock lock;
    private PrivateBindDirectory bindDirectory;
    private Optional<Object> staleToReplace;
    private PlacedSocket placed;
    private boolean jettyStarted;

    UnixSocketConnector(Server server, Path target, UnixSocketSettings settings,
            Optional<SocketGroup> group, ConnectionFactory... factories)
    {
        super(server, factories);
        this.target = target;
        this.settings = settings;
        this.group = group;
        // The JDK's default of 50 makes a burst of new connections fail at once: a Unix socket
        // refuses when the queue is full, where a TCP client would retry
        setAcceptQueueSize(settings.backlog());
    }

    /** The path clients connect to; Jetty's own {@link #getUnixDomainPath()} is the private one. */
    public Path getSocketPath()
    {
        return target;
    }

    public UnixSocketSettings getSettings()
    {
        return settings;
    }

    @Override
    protected void doStart() throws Exception
    {
        SocketPathCheck.check(target, PrivateBindDirectory.socketPathFor(target));

        lock = SocketLock.acquire(target);
        try {
            staleToReplace = ExistingSocketProbe.staleSocketAt(target);

            bindDirectory = PrivateBindDirectory.create(target);
            setUnixDomainPath(bindDirectory.socket());

            // Jetty binds in the private directory, then hands its channel to addBean (which places
            // the socket, see there), then starts accepting
            jettyStarted = true;
            super.doStart();
            if (placed == null) {
                placeBoundSocket();
            }

            // Nothing is left inside once the socket has moved, so nothing outlives a crash
            bindDirectory.remove();
            bindDirectory = null;
        }
        catch (PlacementFailure failure) {
            // Bound but not yet accepting: closing the channel is all Jetty needs undone
            closeChannel(failure.getCause());
            undoStart(failure.getCause());
            throw failure.getCause();
        }
        catch (Throwable failure) {
            undoStart(failure);
            throw failure;
        }

        if (settings.permissions().letsEveryoneConnect()) {
            LOG.info("Socket {} has mode {}, which lets every local user connect; keep the "
                    + "socket in a directory that only the proxy can enter",
                    target, settings.permissions());
        }
        LOG.debug("Serving unix:{} ({})", target, settings.describe());
    }

    /**
     * Jetty adds its freshly bound channel as a bean just before its acceptors start: the moment to
     * give the socket its mode and group and move it into place. A failure here needs no running
     * acceptors stopped, which Jetty does not do cleanly while still starting.
     */
    @Override
    public boolean addBean(Object bean)
    {
        if (bean instanceof ServerSocketChannel && staleToReplace != null && placed == null) {
            try {
                placeBoundSocket();
            }
            catch (BindingException e) {
                throw new PlacementFailure(e);
            }
        }
        return super.addBean(bean);
    }

    /** The socket clients connect to, rather than the private path it was bound at. */
    @Override
    public SocketAddress getLocalSocketAddress()
    {
        return UnixDomainSocketAddress.of(target);
    }

    /** Each accepted connection becomes a {@link UnixSocketEndPoint}. */
    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler,
            int selectors)
    {
        return new UnixDomainSelectorManager(executor, scheduler, selectors)
        {
            @Override
            protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector,
                    SelectionKey key)
            {
                EndPoint endPoint = new UnixSocketEndPoint((SocketChannel) channel, selector, key,
                        getScheduler(), UnixSocketConnector.this.getLocalSocketAddress());
                endPoint.setIdleTimeout(getIdleTimeout());
                return endPoint;
            }
        };
    }

    @Override
    protected void doStop() throws Exception
    {
        if (!jettyStarted && lock == null) {
            // A failed start has already undone itself
            return;
        }
        try {
            // Closes the listener; Jetty deletes only the private path it was given
            super.doStop();
            jettyStarted = false;
        }
        finally {
            releaseFiles();
        }
    }

    private void placeBoundSocket() throws BindingException
    {
        SocketAccess.apply(bindDirectory.socket(), target, settings.permissions(), group);
        placed = PlacedSocket.place(bindDirectory.socket(), target, staleToReplace);
    }

    private void closeChannel(BindingException failure)
    {
        jettyStarted = false;
        try {
            if (getTransport() instanceof ServerSocketChannel channel) {
                channel.close();
            }
        }
        catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void undoStart(Throwable failure)
    {
        try {
            if (jettyStarted) {
                jettyStarted = false;
                super.doStop();
            }
        }
        catch (Throwable e) {
            failure.addSuppressed(e);
        }
        try {
            releaseFiles();
        }
        catch (Throwable e) {
            failure.addSuppressed(e);
        }
    }

    /** The path if it is still ours, then the private directory, then the lock, each attempted. */
    private void releaseFiles() throws IOException
    {
        IOException failure = null;
        try {
            if (placed != null) {
                placed.removeIfOurs();
            }
        }
        catch (IOException e) {
            failure = new BindingException("Unable to remove the socket " + target + ": " + e, e);
        }
        finally {
            placed = null;
            staleToReplace = null;
        }
        try {
            if (bindDirectory != null) {
                bindDirectory.remove();
            }
        }
        catch (IOException e) {
            failure = addTo(failure,
                    new BindingException("Unable to remove " + bindDirectory + ": " + e, e));
        }
        finally {
            bindDirectory = null;
        }
        try {
            if (lock != null) {
                lock.release();
            }
        }
        catch (IOException e) {
            failure = addTo(failure,
                    new BindingException("Unable to release lock " + lock.path() + ": " + e, e));
        }
        finally {
            lock = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException addTo(IOException first, IOException next)
    {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Carries a placement failure out of {@link #addBean}, which cannot throw it. */
    private static final class PlacementFailure extends RuntimeException
    {
        PlacementFailure(BindingException cause)
        {
            super(cause);
        }

        @Override
        public synchronized BindingException getCause()
        {
            return (BindingException) super.getCause();
        }
    }

    @Override
    public String toString()
    {
        return String.format("%s@%h[unix:%s]", getClass().getSimpleName(), hashCode(), target);
    }
}
