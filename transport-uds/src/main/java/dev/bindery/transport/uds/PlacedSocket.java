package dev.bindery.transport.uds;

import dev.bindery.transport.BindingException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket at its target path, and the file key that proves it is still the one this process
 * put there. Another server may replace the path while this one runs; then the path is theirs.
 */
final class PlacedSocket
{
    private static final Logger LOG = LoggerFactory.getLogger(PlacedSocket.class);

    private final Path target;
    private final Object fileKey;

    private PlacedSocket(Path target, Object fileKey)
    {
        this.target = target;
        this.fileKey = fileKey;
    }

    /**
     * Moves the bound socket onto the target in one step: a rename over the stale socket, so that
     * clients never find the path missing, or a hard link when the path is free, which fails
     * instead of replacing whatever another program may have put there since the probe.
     */
    static PlacedSocket place(Path bound, Path target, Optional<Object> staleKey)
            throws BindingException
    {
        try {
            Object key = fileKey(bound);
            if (staleKey.isPresent()) {
                replace(bound, target, staleKey.get());
            }
            else {
                Files.createLink(target, bound);
                Files.delete(bound);
            }
            LOG.debug("Placed socket {}", target);
            return new PlacedSocket(target, key);
        }
        catch (FileAlreadyExistsException e) {
            throw new BindingException("Cannot create Unix socket " + target + ": something was "
                    + "created at the path while the server was starting; it is left in place. "
                    + "Choose another path or remove it", e);
        }
        catch (IOException e) {
            throw new BindingException("Cannot move the socket into place at " + target + ": " + e,
                    e);
        }
    }

    /** Removes the path if it still names this socket. */
    void removeIfOurs() throws IOException
    {
        Object current;
        try {
            current = fileKey(target);
        }
        catch (NoSuchFileException e) {
            LOG.debug("Socket {} was already removed", target);
            return;
        }
        if (!Objects.equals(current, fileKey)) {
            LOG.debug("Socket {} was replaced by another file while serving; leaving it", target);
            return;
        }
        Files.delete(target);
        LOG.debug("Removed socket {}", target);
    }

    private static void replace(Path bound, Path target, Object staleKey) throws IOException
    {
        // Compared once more, so that a live socket bound there since the probe is not replaced
        if (!Objects.equals(fileKey(target), staleKey)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        LOG.info("Replacing stale socket file {} left by a process that is no longer running",
                target);
        Files.move(bound, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Object fileKey(Path path) throws IOException
    {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }
}
