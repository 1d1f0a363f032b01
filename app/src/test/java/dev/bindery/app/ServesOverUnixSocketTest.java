package dev.bindery.app;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void listensOnTheSocketFile()
    {
        assertThat(Files.exists(app.socketDirectory.resolve("bindery.sock"))).isTrue();
    }
}
