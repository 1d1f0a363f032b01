package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lock beside the socket: one server per path, across processes and within one. */
class SecondServerTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final Path socket = directory.resolve("http.sock");

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void aSecondProcessOnTheSamePathExits73NamingThePidAndTheFirstKeepsServing() throws Exception
    {
        try (TestServer first = new TestServer(UnixSocketSettings.defaults(), socket).start();
                ServerProcess second = ServerProcess.start(socket, "0660")) {
            assertThat(second.outcome()).isEqualTo("BINDING: unix:" + socket + " is already served by another "
                    + "process (pid " + ProcessHandle.current().pid() + "); stop it first, or choose another path");
            assertThat(second.exitStatus()).isEqualTo(73);

            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
            assertThat(directory.names()).containsExactly("http.sock", "http.sock.lock");
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void aSecondServerInTheSameProcessFailsAndTheFirstKeepsServing() throws Exception
    {
        try (TestServer first = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
            Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

            assertThat(failure).hasMessage("unix:" + socket + " is already served by another server in this "
                    + "process (pid " + ProcessHandle.current().pid() + "); stop it first, or choose another path");
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
            assertThat(directory.names()).containsExactly("http.sock", "http.sock.lock");

            // The failed attempt left the kernel's lock in place: another process is still refused
            try (ServerProcess third = ServerProcess.start(socket, "0660")) {
                assertThat(third.outcome()).startsWith("BINDING: unix:" + socket + " is already served by another process");
            }
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void afterAKillMinus9TheNextServerReplacesTheStaleSocketAndServes() throws Exception
    {
        try (ServerProcess crashed = ServerProcess.start(socket, "0660")) {
            assertThat(crashed.outcome()).isEqualTo("SERVING");
            crashed.kill();
        }
        // The crash left the socket and the lock file; the kernel dropped the lock itself
        assertThat(directory.names()).containsExactly("http.sock", "http.sock.lock");

        try (TestServer next = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void aCleanStopOfAnotherProcessLeavesThePathFreeForTheNext() throws Exception
    {
        try (ServerProcess other = ServerProcess.start(socket, "0660")) {
            assertThat(other.outcome()).isEqualTo("SERVING");
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
            assertThat(other.stop()).isEqualTo(0);
        }
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(directory.names()).isEmpty();
    }
}
