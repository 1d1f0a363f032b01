package dev.bindery.app;

import static dev.bindery.app.JsonFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Forwarded headers from a trusted TCP peer: the test's client on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyHeadersOverTcpTest
{
    private final RunningApp app;

    ProxyHeadersOverTcpTest() throws Exception
    {
        app = RunningApp.overTcp(Map.of());
    }

    @AfterAll
    void stop() throws Exception
    {
        app.close();
    }

    @Test
    void takesTheClientAddressFromXForwardedFor() throws Exception
    {
        assertThat(clientAddress("X-Forwarded-For", "203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheRightmostUntrustedHopSoThatAClientCannotForgeIt() throws Exception
    {
        // The client sent "6.6.6.6"; the proxy appended the address it saw
        assertThat(clientAddress("X-Forwarded-For", "6.6.6.6, 203.0.113.9"))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void skipsTrustedProxiesAlongTheChain() throws Exception
    {
        assertThat(clientAddress("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 127.0.0.5, ::1"))
                .isEqualTo("203.0.113.9");
        // A loopback hop left of the client is the client's own claim, not a proxy
        assertThat(clientAddress("X-Forwarded-For", "127.0.0.9, 203.0.113.9, 127.0.0.5"))
                .isEqualTo("203.0.113.9");
        // Every hop trusted: the leftmost
        assertThat(clientAddress("X-Forwarded-For", "127.0.0.9, 127.0.0.5"))
                .isEqualTo("127.0.0.9");
    }

    @Test
    void readsSeveralHeaderLinesAsOneChain() throws Exception
    {
        String json = status(
                "X-Forwarded-For", "6.6.6.6",
                "X-Forwarded-For", "203.0.113.9, 127.0.0.2");

        assertThat(field(json, "clientAddress")).isEqualTo("203.0.113.9");
    }

    @Test
    void readsTheClientSchemeAndHostFromForwarded() throws Exception
    {
        String json = status("Forwarded",
                "for=\"[2001:db8::1]:4711\";proto=https;host=example.com");

        assertThat(field(json, "clientAddress")).isEqualTo("2001:db8::1");
        assertThat(field(json, "scheme")).isEqualTo("https");
        assertThat(field(json, "host")).isEqualTo("example.com");
        assertThat(field(json, "live")).isEqualTo("wss://example.com/live");
    }

    @Test
    void takesTheRightmostUntrustedElementOfForwarded() throws Exception
    {
        String json = status("Forwarded",
                "for=6.6.6.6;proto=http;host=forged.example, "
                        + "for=203.0.113.9;proto=https;host=example.com, "
                        + "for=127.0.0.1;proto=http;host=internal");

        assertThat(field(json, "clientAddress")).isEqualTo("203.0.113.9");
        // The scheme and host the outermost trusted proxy received, with the client's element
        assertThat(field(json, "scheme")).isEqualTo("https");
        assertThat(field(json, "host")).isEqualTo("example.com");
    }

    @Test
    void ignoresForwardedWhenXForwardedForIsPresent() throws Exception
    {
        // nginx appends to X-Forwarded-For and passes the client's own Forwarded through untouched
        String json = status(
                "Forwarded", "for=198.51.100.1;proto=https;host=forged.example",
                "X-Forwarded-For", "203.0.113.9");

        assertThat(field(json, "clientAddress")).isEqualTo("203.0.113.9");
        assertThat(field(json, "scheme")).isEqualTo("http");
        assertThat(field(json, "host")).isEqualTo("127.0.0.1:" + app.base.getPort());
    }

    @Test
    void buildsTheLiveUrlFromTheForwardedSchemeHostAndPrefix() throws Exception
    {
        String json = status(
                "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "example.com",
                "X-Forwarded-Prefix", "/bindery");

        assertThat(field(json, "scheme")).isEqualTo("https");
        assertThat(field(json, "host")).isEqualTo("example.com");
        assertThat(field(json, "prefix")).isEqualTo("/bindery");
        assertThat(field(json, "live")).isEqualTo("wss://example.com/bindery/live");
    }

    @Test
    void sendsTheForwardedLiveUrlOverTheWebSocketToo() throws Exception
    {
        ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
        upgrade.setHeader("X-Forwarded-Proto", "https");
        upgrade.setHeader("X-Forwarded-Host", "example.com:8443");
        upgrade.setHeader("X-Forwarded-Prefix", "/bindery/");
        upgrade.setHeader("X-Forwarded-For", "203.0.113.9");
        LiveFrames frames = new LiveFrames();

        Session session = app.webSockets.connect(frames, app.webSocketUri("/live"), upgrade)
                .get(5, TimeUnit.SECONDS);
        try {
            String first = frames.next(1000);
            assertThat(first).isNotNull();
            assertThat(field(first, "clientAddress")).isEqualTo("203.0.113.9");
            assertThat(field(first, "live")).isEqualTo("wss://example.com:8443/bindery/live");
        }
        finally {
            session.close();
        }
    }

    @Test
    void ignoresForwardedValuesThatCannotBeRight() throws Exception
    {
        String json = status(
                "X-Forwarded-Proto", "javascript",
                "X-Forwarded-Host", "evil.example/\"><script>",
                "X-Forwarded-Prefix", "no-slash");

        assertThat(field(json, "clientAddress")).isEqualTo("127.0.0.1");
        assertThat(field(json, "scheme")).isEqualTo("http");
        assertThat(field(json, "host")).isEqualTo("127.0.0.1:" + app.base.getPort());
        assertThat(field(json, "prefix")).isEmpty();
    }

    @Test
    void reportsANamedButUnknownClientAsItIsNamed() throws Exception
    {
        assertThat(clientAddress("Forwarded", "for=unknown")).isEqualTo("unknown");
        assertThat(clientAddress("X-Forwarded-For", "\"><img>")).isEqualTo("unknown");
    }

    @Test
    void stillRoutesAndCountsForwardedRequests() throws Exception
    {
        ContentResponse health = app.get("/health",
                "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Prefix", "/x");

        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
    }

    private String clientAddress(String... headers) throws Exception
    {
        return field(status(headers), "clientAddress");
    }

    private String status(String... headers) throws Exception
    {
        ContentResponse response = app.get("/api/status", headers);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
