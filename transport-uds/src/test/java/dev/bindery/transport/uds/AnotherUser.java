package dev.bindery.transport.uds;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs commands as user and group 65534 (nobody), or other ids, through setpriv. Root ignores
 * file permissions, so only another user shows what a socket's mode allows; only root may become
 * another user.
 */
final class AnotherUser
{
    static final int ID = 65534;

    private AnotherUser() {}

    static void assumeAvailable(String... tools)
    {
        assumeTrue(isRoot(), "needs root to run a client as another user (setpriv); running as "
                + System.getProperty("user.name"));
        assumeTrue(onPath("setpriv"), "needs setpriv (util-linux) on the PATH to run a client as another user");
        for (String tool : tools) {
            assumeTrue(onPath(tool), "needs " + tool + " on the PATH");
        }
    }

    static List<String> prefix()
    {
        return prefix(ID, ID);
    }

    /** The ids need no account: setpriv takes plain numbers. */
    static List<String> prefix(int uid, int gid)
    {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    /** Runs the command as the other user; returns its exit status and what it printed on each stream. */
    static Result run(String... command) throws Exception
    {
        return runAs(ID, ID, command);
    }

    static Result runAs(int uid, int gid, String... command) throws Exception
    {
        List<String> full = new ArrayList<>(prefix(uid, gid));
        full.addAll(List.of(command));
        Path errors = Files.createTempFile("uds-stderr", ".txt");
        try {
            Process process = new ProcessBuilder(full).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(full + " did not finish in 30 s");
            }
            return new Result(process.exitValue(), output, Files.readString(errors));
        }
        finally {
            Files.delete(errors);
        }
    }

    /**
     * A copy of this test run's class path that the other user can read: the originals sit under
     * /root, which only root may enter.
     */
    static String readableClasspath(Path directory)
    {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = directory.resolve(index++ + "-" + source.getFileName());
            copy(source, copy);
            entries.add(copy.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path source, Path target)
    {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    SocketDirectory.chmod(copy, "rwxr-xr-x");
                }
                else {
                    Files.copy(file, copy);
                    SocketDirectory.chmod(copy, "rw-r--r--");
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot()
    {
        try {
            // /proc/self belongs to the process's effective user
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean onPath(String tool)
    {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
    }

    record Result(int status, String output, String errors) {}
}
