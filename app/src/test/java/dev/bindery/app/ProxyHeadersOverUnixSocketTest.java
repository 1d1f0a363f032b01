package dev.bindery.app;

import static dev.bindery.app.JsonFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Over a Unix socket every peer is trusted by default: the proxy's word is all there is. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyHeadersOverUnixSocketTest
{
    private final RunningApp app;

    ProxyHeadersOverUnixSocketTest() throws Exception
    {
        app = RunningApp.overUnixSocket(Map.of());
    }

    @AfterAll
    void stop() throws Exception
    {
        app.close();
    }

    @Test
    void takesTheClientAddressFromAPeerOfTheSocket() throws Exception
    {
        String json = app.get("/api/status", "X-Forwarded-For", "6.6.6.6, 203.0.113.9")
                .getContentAsString();

        assertThat(field(json, "clientAddress")).isEqualTo("203.0.113.9");
        // The peer is still the process that connected
        assertThat(field(json, "uid")).isEqualTo(String.valueOf(new UnixSystem().getUid()));
    }

    @Test
    void buildsTheLiveUrlAsNginxForwardsIt() throws Exception
    {
        // What the example nginx configuration sends for https://example.com/bindery/
        String json = app.get("/api/status",
                "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "example.com",
                "X-Forwarded-Prefix", "/bindery").getContentAsString();

        assertThat(field(json, "live")).isEqualTo("wss://example.com/bindery/live");
    }

    @Test
    void hasNoClientAddressWithoutForwardedHeaders() throws Exception
    {
        String json = app.get("/api/status").getContentAsString();

        assertThat(field(json, "clientAddress")).isEqualTo("null");
    }
}
