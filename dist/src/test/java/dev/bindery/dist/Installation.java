package dev.bindery.dist;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The tarball unpacked into a fresh directory under /tmp, as an operator would
 * install it. Open one per test class; {@link #close()} ends every server
 * still running from it and deletes the directory.
 *
 * <p>The directory is short (Unix socket paths must stay under 107 bytes) and
 * readable by every user, so that a server can also run as another user.
 */
final class Installation implements AutoCloseable
{
    private static final Duration UNPACK_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Path home;
    private final AtomicInteger sockets = new AtomicInteger();

    private Installation(Path root, Path home)
    {
        this.root = root;
        this.home = home;
    }

    /** Unpacks the tarball as it comes: the installation is {@code bindery-<version>/}. */
    static Installation unpack()
    {
        Path root = newRoot();
        untar(root, List.of());
        return new Installation(root, root.resolve("bindery-" + version()));
    }

    /** Unpacks the tarball into a directory of the given name, such as one with a space. */
    static Installation unpack(String directoryName)
    {
        Path root = newRoot();
        Path home = root.resolve(directoryName);
        createDirectory(home);
        untar(home, List.of("--strip-components=1"));
        return new Installation(root, home);
    }

    static Path tarball()
    {
        return Path.of(requiredProperty("bindery.tarball"));
    }

    static String version()
    {
        return requiredProperty("bindery.version");
    }

    /** The temporary directory that holds the installation and everything a test adds. */
    Path root()
    {
        return root;
    }

    /** The installation directory, holding bin, conf, lib. */
    Path home()
    {
        return home;
    }

    Path launcher()
    {
        return home.resolve("bin/bindery");
    }

    Path pidFile()
    {
        return home.resolve("logs/bindery.pid");
    }

    /**
     * A new path for a socket, different at each call (a killed server leaves
     * its socket behind), in the directory {@code <root>/sockets}: short enough
     * for any socket.
     */
    Path socketPath()
    {
        return newDirectory("sockets").resolve("s" + sockets.incrementAndGet() + ".sock");
    }

    /** A directory under {@link #root()}, created if absent, mode 0755. */
    Path newDirectory(String name)
    {
        Path directory = root.resolve(name);
        if (!Files.isDirectory(directory)) {
            createDirectory(directory);
        }
        return directory;
    }

    /** Runs {@code bin/bindery} with these arguments; see {@link Launch} for the options. */
    Launch launch(String... arguments)
    {
        return new Launch(this, List.of(arguments));
    }

    /** Ends every JVM started from this installation (even by `start`), then deletes it. */
    @Override
    public void close()
    {
        Processes.killAll(home);
        deleteTree(root);
    }

    private static Path newRoot()
    {
        try {
            Path root = Files.createTempDirectory(Path.of("/tmp"), "dist");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            return root;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectory(Path directory)
    {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // tar keeps the modes from the archive, which is what an operator gets.
    private static void untar(Path into, List<String> options)
    {
        List<String> command = new ArrayList<>(
                List.of("tar", "-xzf", tarball().toString(), "-C", into.toString()));
        command.addAll(options);
        Processes.runQuietly(command, UNPACK_TIMEOUT);
    }

    private static String requiredProperty(String name)
    {
        return requireNonNull(System.getProperty(name),
                name + " is not set; run the tests through ./mvnw verify");
    }

    static void deleteTree(Path path)
    {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
