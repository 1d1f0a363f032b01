package dev.bindery.transport.uds;

import dev.bindery.transport.BindingException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory beside the target, mode 0700, where the socket is bound before it has its mode and
 * group: no other user can reach a socket inside it, whatever the umask gave the socket.
 *
 * <p>It lives in the target's directory because a rename is atomic only within one file system.
 * Its name is short and of fixed length (the socket path inside it must fit the same 106 bytes).
 */
final class PrivateBindDirectory
{
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int ATTEMPTS = 256;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");

    private final Path directory;

    private PrivateBindDirectory(Path directory)
    {
        this.directory = directory;
    }

    /** Where the socket would be bound for this target; the path check measures it. */
    static Path socketPathFor(Path target)
    {
        return candidate(target, 0).resolve("s");
    }

    /** Creates a fresh directory; a name left by a crashed process with the same pid is skipped. */
    static PrivateBindDirectory create(Path target) throws BindingException
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path directory = candidate(target, NEXT.getAndIncrement());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // The umask can only remove bits; set them exactly so the owner can bind inside
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
                return new PrivateBindDirectory(directory);
            }
            catch (FileAlreadyExistsException e) {
                continue;
            }
            catch (AccessDeniedException e) {
                throw new BindingException("Cannot create directory " + directory
                        + " to bind the socket " + target + " in: user "
                        + System.getProperty("user.name") + " has no write permission on "
                        + target.getParent() + "; grant it or choose another directory", e);
            }
            catch (IOException e) {
                throw new BindingException("Cannot create directory " + directory
                        + " to bind the socket " + target + " in: " + e, e);
            }
        }
        throw new BindingException("Cannot create a directory to bind the socket " + target
                + " in: names such as " + candidate(target, 0) + " are all taken; "
                + "remove the leftover .bindery.* directories");
    }

    Path socket()
    {
        return directory.resolve("s");
    }

    /** Removes the socket left inside, if any, and the directory. */
    void remove() throws IOException
    {
        Files.deleteIfExists(socket());
        Files.deleteIfExists(directory);
    }

    @Override
    public String toString()
    {
        return directory.toString();
    }

    private static Path candidate(Path target, int number)
    {
        long pid = ProcessHandle.current().pid();
        String name = String.format(".bindery.%d.%02x", pid, number & 0xff);
        return target.resolveSibling(name);
    }
}
