package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The socket's mode decides who may connect: a client running as another user (nobody). */
class AnotherUserTest
{
    private final SocketDirectory directory = new SocketDirectory().searchableByAll();
    private final Path socket = directory.resolve("http.sock");

    @BeforeEach
    void needsAnotherUser()
    {
        AnotherUser.assumeAvailable("curl");
    }

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void mode0600RefusesAnotherUser() throws Exception
    {
        try (TestServer server = new TestServer(withMode("0600"), socket).start()) {
            AnotherUser.Result curl = curl();

            // curl's status 7: could not connect
            assertThat(curl.status()).isEqualTo(7);
            // curl -v shows the errno behind it: EACCES on the socket file
            assertThat(curl.errors()).contains("Immediate connect fail for " + socket + ": Permission denied");
        }
    }

    @Test
    void mode0666ServesAnotherUser() throws Exception
    {
        try (TestServer server = new TestServer(withMode("0666"), socket).start()) {
            AnotherUser.Result curl = curl();

            assertThat(curl.status()).isEqualTo(0);
            assertThat(curl.output()).isEqualTo(TestServer.BODY);
        }
    }

    @Test
    void mode0660ServesAnotherUserInTheSocketsGroup() throws Exception
    {
        UnixSocketSettings settings = withMode("0660").withGroup(String.valueOf(AnotherUser.ID));

        try (TestServer server = new TestServer(settings, socket).start()) {
            AnotherUser.Result curl = curl();

            assertThat(curl.status()).isEqualTo(0);
            assertThat(curl.output()).isEqualTo(TestServer.BODY);
        }
    }

    private AnotherUser.Result curl() throws Exception
    {
        return AnotherUser.run("curl", "-sS", "-v", "--max-time", "10", "--unix-socket", socket.toString(), "http://localhost/");
    }

    private static UnixSocketSettings withMode(String mode)
    {
        return UnixSocketSettings.defaults().withPermissions(SocketMode.parse(UnixSocketSettings.PERMISSIONS, mode));
    }
}
