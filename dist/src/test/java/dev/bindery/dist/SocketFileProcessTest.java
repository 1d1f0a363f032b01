package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The socket file's whole life, seen from outside: {@code bin/bindery run} from
 * the tarball against what an operator's machine may hold at the path.
 */
class SocketFileProcessTest
{
    // The conventional unprivileged user and group, present on every Linux.
    private static final int NOBODY = 65534;
    private static final int SOCKET_TYPE = 0140000;
    private static final int SIMULTANEOUS_STARTS = 20;

    private static Installation installation;

    @BeforeAll
    static void unpack()
    {
        installation = Installation.unpack();
    }

    @AfterAll
    static void delete()
    {
        installation.close();
    }

    @Test
    void refusesToReplaceARegularFile() throws IOException
    {
        Path directory = installation.newDirectory("regular-file");
        Path path = directory.resolve("http.sock");
        Files.writeString(path, "an operator's notes\n");

        refusesAndLeavesAlone(directory, path, "the path holds a regular file");
    }

    @Test
    void refusesToReplaceADirectory() throws IOException
    {
        Path directory = installation.newDirectory("directory");
        Path path = Files.createDirectory(directory.resolve("http.sock"));
        Files.writeString(path.resolve("inside"), "kept\n");

        refusesAndLeavesAlone(directory, path, "the path holds a directory");
    }

    @Test
    void refusesToReplaceASymbolicLink() throws IOException
    {
        // A link to a stale socket would tempt a careless server most
        Path directory = installation.newDirectory("symbolic-link");
        Path target = directory.resolve("target.sock");
        try (BinderyProcess killed = serve(target)) {
            killed.signal("KILL");
            killed.awaitExit(BinderyProcess.STOP_TIMEOUT);
        }
        Path path = Files.createSymbolicLink(directory.resolve("http.sock"), target);

        refusesAndLeavesAlone(directory, path, "the path holds a symbolic link");
    }

    @Test
    void refusesToReplaceALiveSocketOfAnotherProcessWhichKeepsServing()
    {
        Path directory = installation.newDirectory("live-socket");
        Path path = directory.resolve("http.sock");

        try (PlainListener other = PlainListener.atPath(path)) {
            refusesAndLeavesAlone(directory, path, "is served by a live process");

            // Still the other program's socket, and still answering
            assertThat(other.greeting()).isEqualTo(PlainListener.GREETING);
        }
    }

    @Test
    void replacesTheStaleSocketOfAKilledServerAndServesOnRestart() throws IOException
    {
        Path directory = installation.newDirectory("stale");
        Path path = directory.resolve("http.sock");
        try (BinderyProcess killed = serve(path)) {
            killed.signal("KILL");
            killed.awaitExit(BinderyProcess.STOP_TIMEOUT);
        }

        // kill -9 leaves the socket (and the lock file, but not the lock) behind
        assertThat(DiskSnapshot.entry(path).type()).isEqualTo("socket");
        long staleInode = DiskSnapshot.entry(path).inode();

        try (BinderyProcess restarted = serve(path)) {
            // Serving on a new socket at the same path, and saying what it replaced
            assertThat(restarted.awaitHealthy().status()).isEqualTo(200);
            assertThat(DiskSnapshot.entry(path).inode()).isNotEqualTo(staleInode);
            assertThat(restarted.outputLines()).anyMatch(line -> line.contains(" INFO ")
                    && line.endsWith("Replacing stale socket file " + path
                            + " left by a process that is no longer running"));

            // A clean stop takes the socket and the lock file away
            assertThat(restarted.terminate()).isZero();
        }
        assertThat(list(directory)).isEmpty();
    }

    @Test
    void exactlyOneOfTwoServersStartedAtOnceServesAndTheOtherNamesIt() throws IOException
    {
        for (int round = 1; round <= SIMULTANEOUS_STARTS; round++) {
            Path directory = installation.newDirectory("twins/" + round);
            Path path = directory.resolve("http.sock");

            // Back to back: both JVMs start, load and reach the path together
            try (BinderyProcess first = launch(path).start();
                    BinderyProcess second = launch(path).start()) {
                BinderyProcess loser = firstToExit(first, second);
                BinderyProcess winner = loser == first ? second : first;
                String context = "round " + round + "; loser's output:\n" + loser.output();

                // The loser exits 73, naming the path and the winner's pid
                assertThat(loser.exitStatus()).as(context).isEqualTo(73);
                assertThat(loser.output()).as(context).contains("unix:" + path
                        + " is already served by another process (pid " + winner.pid() + ")");

                // The winner serves, and cleans up when stopped
                assertThat(winner.awaitHealthy().status()).as(context).isEqualTo(200);
                assertThat(winner.terminate()).as(context).isZero();
            }
            assertThat(list(directory)).as("round %d", round).isEmpty();
        }
    }

    @ParameterizedTest(name = "SOCKET_PERM={0}")
    @ValueSource(strings = {"0600", "0660"})
    void neverShowsTheSocketWithAModeOtherThanAskedUnderUmask000(String mode) throws Exception
    {
        Path directory = installation.newDirectory("umask-" + mode);
        Path path = directory.resolve("http.sock");
        String asked = octal(SOCKET_TYPE | Integer.parseInt(mode, 8));

        try (ModeWatcher watcher = new ModeWatcher(path);
                BinderyProcess server = launch(path)
                        .umask("000")
                        .env("SOCKET_PERM", mode)
                        .start()) {
            server.awaitHealthy();
            // The server really ran with umask 000: the socket was made with mode 0777
            assertThat(Processes.status(server.pid(), "Umask")).isEqualTo("0000");
            watcher.stopAfterOneMoreLook();

            // From nothing at the path straight to the mode asked; never any other mode
            assertThat(watcher.looks()).as("looks at the path").isGreaterThan(100);
            assertThat(watcher.modesSeen()).extracting(SocketFileProcessTest::octal)
                    .containsExactly(asked);
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void leavesTheSocketThatReplacedItsOwnWhenItStops() throws IOException
    {
        Path directory = installation.newDirectory("replaced");
        Path path = directory.resolve("http.sock");
        Path movedAway = directory.resolve("moved.sock");

        try (BinderyProcess server = serve(path)) {
            // Another instance takes the path over while this one runs
            Files.move(path, movedAway, StandardCopyOption.ATOMIC_MOVE);
            try (PlainListener successor = PlainListener.atPath(path)) {
                long successorInode = DiskSnapshot.entry(path).inode();

                assertThat(server.terminate()).isZero();

                // The successor's socket is still there and still answering
                assertThat(DiskSnapshot.entry(path).inode()).isEqualTo(successorInode);
                assertThat(successor.greeting()).isEqualTo(PlainListener.GREETING);
                // The server removed its lock, and touched nothing else
                assertThat(list(directory)).containsExactlyInAnyOrder("http.sock", "moved.sock");
            }
        }
    }

    @Test
    void refusesADirectoryItCannotWriteNamingThePermissionAndTheDirectory() throws IOException
    {
        assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        assumeTrue(Processes.isRoot(), "running the server as nobody with setpriv needs root");
        // Mode 0755, owned by root: nobody may enter it but not write in it
        Path directory = installation.newDirectory("read-only");
        Path path = directory.resolve("http.sock");
        DiskSnapshot before = DiskSnapshot.of(directory);

        BinderyProcess server = launch(path).asUser(NOBODY, NOBODY).run();

        assertThat(server.exitStatus()).as(server.output()).isEqualTo(73);
        assertThat(server.outputLines()).as(server.output()).anyMatch(line -> line.contains(
                "user nobody has no write (w) permission on directory " + directory + ";"));
        assertThat(DiskSnapshot.of(directory)).isEqualTo(before);
    }

    /** Starts a server on the path, fails with exit 73 naming it, and changes nothing there. */
    private static void refusesAndLeavesAlone(Path directory, Path path, String why)
    {
        DiskSnapshot before = DiskSnapshot.of(directory);

        BinderyProcess server = launch(path).run();

        // Status 73, and one line naming the path and what is at it
        assertThat(server.exitStatus()).as(server.output()).isEqualTo(73);
        assertThat(server.outputLines()).as(server.output())
                .anyMatch(line -> line.contains(" ERROR ") && line.contains(path.toString())
                        && line.contains(why));
        // Content, mode, times and inode of everything in the directory as they were
        assertThat(DiskSnapshot.of(directory)).isEqualTo(before);
    }

    private static Launch launch(Path socket)
    {
        return installation.launch("run").env("HTTP_BINDING_ADDRESS", socket.toString());
    }

    private static BinderyProcess serve(Path socket)
    {
        BinderyProcess server = launch(socket).start();
        server.awaitHealthy();
        return server;
    }

    private static BinderyProcess firstToExit(BinderyProcess first, BinderyProcess second)
    {
        Instant deadline = Instant.now().plus(BinderyProcess.STARTUP_TIMEOUT);
        while (first.isAlive() && second.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("both servers still running after "
                        + BinderyProcess.STARTUP_TIMEOUT + ":\n" + first.output()
                        + "\n" + second.output());
            }
            BinderyProcess.sleep(Duration.ofMillis(20));
        }
        return first.isAlive() ? second : first;
    }

    /** A mode as ls -l would spell its number: 140600 for a socket with mode 0600. */
    private static String octal(int mode)
    {
        return String.format("%06o", mode);
    }

    private static List<String> list(Path directory) throws IOException
    {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    /** Looks at the path's mode (type and permission bits) as fast as it can, in a thread. */
    private static final class ModeWatcher implements AutoCloseable
    {
        private final Path path;
        private final Set<Integer> modes = new ConcurrentSkipListSet<>();
        private final AtomicLong looks = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        ModeWatcher(Path path)
        {
            this.path = path;
            this.thread = new Thread(this::watch, "mode-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        private void watch()
        {
            while (!stop.get()) {
                looks.incrementAndGet();
                try {
                    modes.add((Integer) Files.getAttribute(path, "unix:mode",
                            LinkOption.NOFOLLOW_LINKS));
                }
                catch (NoSuchFileException e) {
                    // Not there yet
                }
                catch (IOException e) {
                    throw new AssertionError("cannot stat " + path, e);
                }
            }
        }

        void stopAfterOneMoreLook() throws InterruptedException
        {
            long seen = looks.get();
            while (looks.get() < seen + 2 && thread.isAlive()) {
                Thread.onSpinWait();
            }
            close();
        }

        long looks()
        {
            return looks.get();
        }

        Set<Integer> modesSeen()
        {
            return modes;
        }

        @Override
        public void close() throws InterruptedException
        {
            stop.set(true);
            thread.join(5_000);
        }
    }
}
