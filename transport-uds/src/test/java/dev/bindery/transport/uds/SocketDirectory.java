package dev.bindery.transport.uds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** A short-named directory under /tmp for sockets (their paths must stay under 107 bytes), removed whole at close. */
final class SocketDirectory implements AutoCloseable
{
    private final Path path;

    SocketDirectory()
    {
        try {
            path = Files.createTempDirectory(Path.of("/tmp"), "uds");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path()
    {
        return path;
    }

    Path resolve(String name)
    {
        return path.resolve(name);
    }

    /** Lets other users search it, for tests that run a client as another user. */
    SocketDirectory searchableByAll()
    {
        chmod(path, "rwx--x--x");
        return this;
    }

    /** Every name in the directory, for checking that nothing was left behind. */
    List<String> names()
    {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void chmod(Path path, String permissions)
    {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException
    {
        Files.walkFileTree(path, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
            {
                chmod(dir, "rwx------");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException
            {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException
            {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
