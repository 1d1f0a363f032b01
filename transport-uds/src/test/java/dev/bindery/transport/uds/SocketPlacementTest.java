package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Steps 4 and 5: the socket appears with its final mode, and stop removes only this server's socket. */
class SocketPlacementTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final Path socket = directory.resolve("http.sock");

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void thePathNeverShowsAModeOtherThanTheAskedOne() throws Exception
    {
        // The JVM cannot change its umask (022 here, which would give 0755); a watcher polling the
        // path throughout start-up sees what a client could see
        for (String mode : new String[] {"0600", "0660", "0666", "0700"}) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    try {
                        seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket, LinkOption.NOFOLLOW_LINKS)));
                    }
                    catch (NoSuchFileException e) {
                        // not there yet
                    }
                    catch (Exception e) {
                        seen.add(e.toString());
                    }
                }
            });
            watcher.start();
            try (TestServer server = new TestServer(UnixSocketSettings.defaults()
                    .withPermissions(SocketMode.parse(UnixSocketSettings.PERMISSIONS, mode)), socket).start()) {
                Thread.sleep(20);
            }
            finally {
                watching.set(false);
                watcher.join();
            }

            assertThat(seen).as("modes seen at the path while starting with mode " + mode)
                    .containsExactly(PosixFilePermissions.toString(new SocketMode(Integer.parseInt(mode, 8)).permissions()));
        }
    }

    @Test
    void aSocketPutAtThePathByAnotherServerSurvivesTheStop() throws Exception
    {
        Path movedAway = directory.resolve("moved.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            try (TestServer server = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
                Files.move(socket, movedAway);
                other.bind(UnixDomainSocketAddress.of(socket));
            }
            Object othersKey = FileSnapshot.of(socket).fileKey();

            assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(FileSnapshot.of(socket).fileKey()).isEqualTo(othersKey);
            assertThat(directory.names()).containsExactly("http.sock", "moved.sock");
        }
    }

    @Test
    void aStopAfterTheSocketWasRemovedByHandIsQuiet() throws Exception
    {
        try (TestServer server = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
            Files.delete(socket);
        }
        assertThat(directory.names()).isEmpty();
    }
}
