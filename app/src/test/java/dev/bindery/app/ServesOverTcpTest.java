package dev.bindery.app;

import static dev.bindery.app.JsonFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Map;

class ServesOverTcpTest extends ServedApplicationContract
{
    ServesOverTcpTest() throws Exception
    {
        super(RunningApp.overTcp(Map.of()));
    }

    @Override
    String expectedTransport()
    {
        return "tcp";
    }

    @Override
    String expectedEndpoint()
    {
        // Port 0 was asked for; the status reports the port the kernel chose
        return "127.0.0.1:" + app.base.getPort();
    }

    @Override
    String expectedClientAddress()
    {
        return "127.0.0.1";
    }

    @Override
    String expectedHost()
    {
        return "127.0.0.1:" + app.base.getPort();
    }

    @Test
    void reportsNoPeerCredentialsOverTcp() throws Exception
    {
        assertThat(field(get("/api/status").getContentAsString(), "peer")).isEqualTo("null");
    }
}
