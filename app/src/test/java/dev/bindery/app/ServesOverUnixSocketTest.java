package dev.bindery.app;

import static dev.bindery.app.JsonFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

class ServesOverUnixSocketTest extends ServedApplicationContract
{
    ServesOverUnixSocketTest() throws Exception
    {
        super(RunningApp.overUnixSocket(Map.of()));
    }

    @Override
    String expectedTransport()
    {
        return "unix";
    }

    @Override
    String expectedEndpoint()
    {
        return "unix:" + app.socketDirectory.resolve("bindery.sock");
    }

    @Override
    String expectedClientAddress()
    {
        // The JDK reports no address for a Unix socket peer
        return "null";
    }

    @Override
    String expectedHost()
    {
        // The client's Host header; the socket has no host of its own
        return "localhost";
    }

    @Test
    void reportsThePeerProcessesUserAndGroupIds() throws Exception
    {
        String json = get("/api/status").getContentAsString();

        // This JVM connected, so the peer is this process's user and group
        UnixSystem self = new UnixSystem();
        assertThat(field(json, "uid")).isEqualTo(String.valueOf(self.getUid()));
        assertThat(field(json, "gid")).isEqualTo(String.valueOf(self.getGid()));
    }

    @Test
    void listensOnTheSocketFile()
    {
        assertThat(Files.exists(app.socketDirectory.resolve("bindery.sock"))).isTrue();
    }
}
