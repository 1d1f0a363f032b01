package dev.bindery.transport.uds;

import dev.bindery.transport.BindingException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3: what is already at the path. Nothing, or a socket that nobody serves, may be replaced;
 * anything else is left exactly as it is and the start fails.
 */
final class ExistingSocketProbe
{
    private static final Logger LOG = LoggerFactory.getLogger(ExistingSocketProbe.class);

    private static final int FILE_TYPE = 0170000;
    private static final int SOCKET = 0140000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMBOLIC_LINK = 0120000;
    private static final int REGULAR_FILE = 0100000;

    private ExistingSocketProbe() {}

    /**
     * Returns the file key of a stale socket to replace, or empty when nothing is at the path.
     *
     * @throws BindingException when the path holds anything else, naming what
     */
    static Optional<Object> staleSocketAt(Path path) throws BindingException
    {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new BindingException("Cannot tell what is at the socket path " + path + ": " + e
                    + "; check that the server's user may search its directory", e);
        }

        if ((mode & FILE_TYPE) != SOCKET) {
            throw new BindingException("Cannot create Unix socket " + path + ": the path holds "
                    + describe(mode) + ", which is never removed or changed; "
                    + "move it away or choose another path");
        }
        if (accepts(path)) {
            throw new BindingException("unix:" + path + " is served by a live process "
                    + "(it accepts connections); stop that process or choose another path");
        }

        LOG.debug("Socket {} refuses connections: stale", path);
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey());
        }
        catch (IOException e) {
            throw new BindingException("Cannot read the stale socket " + path + ": " + e, e);
        }
    }

    private static boolean accepts(Path path) throws BindingException
    {
        // Non-blocking, so that a live server with a full backlog answers at once instead of never
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.configureBlocking(false);
            channel.connect(UnixDomainSocketAddress.of(path));
            return true;
        }
        catch (ConnectException e) {
            // ECONNREFUSED: a socket file with no listener behind it
            return false;
        }
        catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Resource temporarily unavailable")) {
                // EAGAIN: a listener whose backlog is full, very much alive
                return true;
            }
            throw new BindingException("Cannot tell whether the socket " + path + " is served: "
                    + "connecting to it failed (" + e.getMessage() + "). It is left in place; "
                    + "remove it yourself if no process serves it, or choose another path", e);
        }
    }

    private static String describe(int mode)
    {
        return switch (mode & FILE_TYPE) {
            case REGULAR_FILE -> "a regular file";
            case DIRECTORY -> "a directory";
            case SYMBOLIC_LINK -> "a symbolic link";
            default -> String.format("a file that is not a socket (type %06o)", mode & FILE_TYPE);
        };
    }
}
