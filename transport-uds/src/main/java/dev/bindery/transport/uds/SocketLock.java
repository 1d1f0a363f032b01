package dev.bindery.transport.uds;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.bindery.transport.BindingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 2: an advisory lock on {@code <socket>.lock}, held while the socket is served, so that two
 * servers started at once cannot both decide the path is theirs. The kernel drops it when the
 * process dies, so a crash never leaves the path locked.
 *
 * <p>The lock file is unlinked at release while still locked, and only ever by its lock holder.
 * A server that opened the old file just before may then lock a file that no longer has a name.
 * It notices because the path, looked up before opening and again after locking, no longer names
 * the same file, and tries again. (Java cannot ask a channel which file it holds, and opening the
 * path a second time is no way to find out: closing any descriptor of a file drops every POSIX
 * lock this process holds on it.) The check cannot tell the file from a later one that reuses its
 * inode number; that needs two other servers to lock, serve and release in between, within the
 * microseconds between the two look-ups.
 */
final class SocketLock
{
    private static final Logger LOG = LoggerFactory.getLogger(SocketLock.class);
    private static final int ATTEMPTS = 10;
    private static final Duration HOLDER_WAIT = Duration.ofSeconds(1);
    private static final FileAttribute<?> READABLE_BY_ALL =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

    // Lock files held by this process. Checked before opening one, since closing a second channel
    // on a locked file would silently drop the first one's lock.
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    // Channels on a file this process holds under another name, kept open for the same reason
    private static final Set<FileChannel> PARKED = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;

    private SocketLock(Path path, FileChannel channel)
    {
        this.path = path;
        this.channel = channel;
    }

    static Path pathFor(Path socket)
    {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    static SocketLock acquire(Path socket) throws BindingException
    {
        Path path = pathFor(socket);
        if (!HELD.add(path)) {
            throw servedInThisProcess(socket);
        }
        try {
            SocketLock lock = lockSameFile(socket, path);
            LOG.debug("Locked {}", path);
            return lock;
        }
        catch (BindingException | RuntimeException e) {
            HELD.remove(path);
            throw e;
        }
    }

    /** Unlinks the lock file while still holding it, then releases it. */
    void release() throws IOException
    {
        try {
            Files.deleteIfExists(path);
        }
        finally {
            try {
                channel.close();
            }
            finally {
                HELD.remove(path);
                LOG.debug("Released {}", path);
            }
        }
    }

    Path path()
    {
        return path;
    }

    private static SocketLock lockSameFile(Path socket, Path path) throws BindingException
    {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Object> before = fileKey(socket, path);
            if (before.isEmpty()) {
                createIfAbsent(socket, path);
                continue;
            }

            FileChannel channel = open(socket, path);
            if (channel == null) {
                continue;
            }
            try {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw new BindingException("unix:" + socket + " is already served by another "
                            + "process (" + holder(path) + "); stop it first, or choose another path");
                }
                // At once, so that a second server can name this one
                channel.truncate(0);
                String pid = ProcessHandle.current().pid() + "\n";
                channel.write(ByteBuffer.wrap(pid.getBytes(UTF_8)), 0);

                if (!before.equals(fileKey(socket, path))) {
                    LOG.debug("Lock file {} was replaced while locking it; trying again", path);
                    channel.close();
                    continue;
                }
                return new SocketLock(path, channel);
            }
            catch (OverlappingFileLock e) {
                // This process holds the file under another name (a symbolic link on the way).
                // Closing this channel would drop that lock too, so it stays open.
                PARKED.add(channel);
                throw servedInThisProcess(socket);
            }
            catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                throw e instanceof BindingException binding ? binding
                        : new BindingException("Cannot lock " + path + " for the socket " + socket
                                + ": " + e, e);
            }
        }
        throw new BindingException("Cannot lock " + path + " for the socket " + socket
                + ": it was replaced " + ATTEMPTS + " times while locking it; "
                + "are other servers starting and stopping there?");
    }

    private static Optional<Object> fileKey(Path socket, Path path) throws BindingException
    {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new BindingException("Cannot lock " + path + " for the socket " + socket
                        + ": it is " + describe(attributes) + ", which is never removed or changed; "
                        + "move it away if no server serves " + socket + ", or choose another path");
            }
            return Optional.of(attributes.fileKey());
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (BindingException e) {
            throw e;
        }
        catch (IOException e) {
            throw new BindingException("Cannot read lock file " + path + " for the socket " + socket
                    + ": " + e, e);
        }
    }

    private static void createIfAbsent(Path socket, Path path) throws BindingException
    {
        try {
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.newByteChannel(path, options, READABLE_BY_ALL).close();
        }
        catch (FileAlreadyExistsException e) {
            // another server created it first; both now compete for the lock
        }
        catch (AccessDeniedException e) {
            throw new BindingException("Cannot create lock file " + path + " for the socket " + socket
                    + ": user " + System.getProperty("user.name") + " has no write permission on "
                    + "directory " + path.getParent() + "; grant it or choose another directory", e);
        }
        catch (IOException e) {
            throw new BindingException("Cannot create lock file " + path + " for the socket " + socket
                    + ": " + e, e);
        }
    }

    /** Opens the existing lock file, or returns null when it vanished since it was looked up. */
    private static FileChannel open(Path socket, Path path) throws BindingException
    {
        try {
            return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        }
        catch (NoSuchFileException e) {
            return null;
        }
        catch (AccessDeniedException e) {
            throw new BindingException("Cannot open lock file " + path + " for the socket " + socket
                    + ": user " + System.getProperty("user.name") + " has no write permission on it; "
                    + "a server run by another user may own the path. "
                    + "Remove the lock file if no server serves " + socket, e);
        }
        catch (IOException e) {
            throw new BindingException("Cannot open lock file " + path + " for the socket " + socket
                    + ": " + e + "; it must be a regular file (or absent) that the server's user can write",
                    e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException, OverlappingFileLock
    {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            throw new OverlappingFileLock();
        }
    }

    /** A checked stand-in for the JDK's unchecked one, so the caller cannot miss it. */
    private static final class OverlappingFileLock extends Exception
    {
        OverlappingFileLock()
        {
            super(null, null, false, false);
        }
    }

    private static String describe(BasicFileAttributes attributes)
    {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return attributes.isDirectory() ? "a directory" : "not a regular file";
    }

    private static BindingException servedInThisProcess(Path socket)
    {
        return new BindingException("unix:" + socket + " is already served by another server in "
                + "this process (pid " + ProcessHandle.current().pid() + "); "
                + "stop it first, or choose another path");
    }

    /**
     * The pid of the process holding the lock. It writes it just after locking, so a server that
     * finds the lock held may read the file a moment too early, or read the pid of a crashed
     * holder before the new one overwrote it: it waits a little for the pid of a live process.
     * (A holder in another container's pid namespace never looks alive; its pid is named anyway.)
     */
    private static String holder(Path path)
    {
        String pid = "";
        long deadline = System.nanoTime() + HOLDER_WAIT.toNanos();
        try {
            while (true) {
                String text = Files.readString(path, UTF_8).strip();
                pid = text.matches("\\d{1,18}") ? text : pid;
                boolean alive = !pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (alive || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(10);
            }
        }
        catch (IOException e) {
            LOG.debug("Unable to read {}", path, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pid.isEmpty() ? "its pid is not written in " + path : "pid " + pid;
    }

    private static void closeQuietly(FileChannel channel)
    {
        try {
            channel.close();
        }
        catch (IOException e) {
            LOG.debug("Unable to close a lock file channel", e);
        }
    }

    @Override
    public String toString()
    {
        return Objects.toString(path);
    }
}
