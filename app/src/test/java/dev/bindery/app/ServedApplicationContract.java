package dev.bindery.app;

import static dev.bindery.app.JsonFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every endpoint of the bundled application, served by the real injector and server. Each
 * transport runs the same checks through its own subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServedApplicationContract
{
    private static final int MIB = 1024 * 1024;

    final RunningApp app;

    ServedApplicationContract(RunningApp app)
    {
        this.app = app;
    }

    /** What {@code transport} says. */
    abstract String expectedTransport();

    /** What {@code endpoint} says. */
    abstract String expectedEndpoint();

    /** What {@code request.clientAddress} says. */
    abstract String expectedClientAddress();

    /** What {@code request.host} says: the Host header the client sent. */
    abstract String expectedHost();

    @AfterAll
    void stop() throws Exception
    {
        app.close();
    }

    @Test
    void servesTheStatusPageAndItsFiles() throws Exception
    {
        ContentResponse page = get("/");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getMediaType()).isEqualTo("text/html");
        // The page refers to its files relatively, so that a path prefix works
        assertThat(page.getContentAsString()).contains("href=\"index.css\"", "src=\"index.js\"");

        assertThat(get("/index.css").getMediaType()).isEqualTo("text/css");
        ContentResponse script = get("/index.js");
        assertThat(script.getMediaType()).isEqualTo("text/javascript");
        // The WebSocket URL is the server's links.live, which follows the proxy's forwarded headers,
        // with the page's own location to fall back on
        assertThat(script.getContentAsString())
                .contains("status.links.live", "new URL(\"live\", window.location.href)");
    }

    @Test
    void reportsStatusAsJson() throws Exception
    {
        ContentResponse response = get("/api/status");
        String json = response.getContentAsString();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType()).isEqualTo("application/json");
        assertThat(field(json, "name")).isEqualTo("bindery");
        assertThat(field(json, "version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(field(json, "transport")).isEqualTo(expectedTransport());
        assertThat(field(json, "endpoint")).isEqualTo(expectedEndpoint());
        assertThat(Long.parseLong(field(json, "uptimeSeconds"))).isGreaterThanOrEqualTo(0);
        // This request counts too
        assertThat(Long.parseLong(field(json, "requestsServed"))).isGreaterThanOrEqualTo(1);
        assertThat(field(json, "clientAddress")).isEqualTo(expectedClientAddress());
        assertThat(field(json, "method")).isEqualTo("GET");
        assertThat(field(json, "path")).isEqualTo("/api/status");
        assertThat(field(json, "protocol")).isEqualTo("HTTP/1.1");
        // Without a proxy in front: the request's own scheme and host, no prefix
        assertThat(field(json, "scheme")).isEqualTo("http");
        assertThat(field(json, "host")).isEqualTo(expectedHost());
        assertThat(field(json, "prefix")).isEmpty();
        assertThat(field(json, "live")).isEqualTo("ws://" + expectedHost() + "/live");
    }

    @Test
    void countsRequestsServed() throws Exception
    {
        long before = Long.parseLong(field(get("/api/status").getContentAsString(), "requestsServed"));
        get("/health");
        long after = Long.parseLong(field(get("/api/status").getContentAsString(), "requestsServed"));

        assertThat(after).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void answersHealthWithUp() throws Exception
    {
        ContentResponse response = get("/health");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void answersHeadLikeGetWithoutABody() throws Exception
    {
        ContentResponse response = app.http.newRequest(app.uri("/api/status")).method(HttpMethod.HEAD).send();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType()).isEqualTo("application/json");
        assertThat(response.getContent()).isEmpty();
    }

    @Test
    void sendsLiveStatusAtOnceAndThenEverySecond() throws Exception
    {
        LiveFrames frames = new LiveFrames();
        Session session = app.webSockets.connect(frames, app.webSocketUri("/live")).get(5, TimeUnit.SECONDS);
        try {
            String first = frames.next(1000);
            assertThat(first).as("first frame, sent on open").isNotNull();
            assertThat(field(first, "name")).isEqualTo("bindery");
            assertThat(field(first, "transport")).isEqualTo(expectedTransport());
            assertThat(field(first, "path")).isEqualTo("/live");

            String second = frames.next(2500);
            assertThat(second).as("second frame, within a tick").isNotNull();
            assertThat(field(second, "endpoint")).isEqualTo(expectedEndpoint());
        }
        finally {
            session.close();
        }
    }

    @Test
    void refusesAPlainGetOfTheWebSocketPath() throws Exception
    {
        ContentResponse response = get("/live");

        assertThat(response.getStatus()).isEqualTo(426);
        assertThat(response.getHeaders().get(HttpHeader.UPGRADE)).isEqualTo("websocket");
    }

    @Test
    void echoesOneMebibyteByteForByte() throws Exception
    {
        byte[] body = new byte[MIB];
        new Random(42).nextBytes(body);

        ContentResponse response = app.http.POST(app.uri("/api/echo"))
                .body(new BytesRequestContent("application/octet-stream", body))
                .send();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType()).isEqualTo("application/octet-stream");
        assertThat(response.getContent()).isEqualTo(body);
    }

    @Test
    void refusesAnEchoOverTheLimitWith413() throws Exception
    {
        byte[] body = new byte[17 * MIB];

        // With 100-continue the client waits for the server's word before uploading: the server,
        // seeing Content-Length over the limit, answers 413 without reading a byte. The client then
        // reports the request failed ("Expectation failed") yet keeps the response.
        CompletableFuture<Result> result = new CompletableFuture<>();
        app.http.POST(app.uri("/api/echo"))
                .headers(headers -> headers.put(HttpHeader.EXPECT, "100-continue"))
                .body(new BytesRequestContent(body))
                .send(result::complete);

        assertThat(result.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(413);
    }

    @Test
    void answersUnknownPathsWith404() throws Exception
    {
        assertThat(get("/no/such/page").getStatus()).isEqualTo(404);
        assertThat(get("/api/nothing").getStatus()).isEqualTo(404);
    }

    @Test
    void answersWrongMethodsWith405AndAllow() throws Exception
    {
        ContentResponse delete = app.http.newRequest(app.uri("/health")).method(HttpMethod.DELETE).send();
        ContentResponse getEcho = get("/api/echo");

        assertThat(delete.getStatus()).isEqualTo(405);
        assertThat(delete.getHeaders().get(HttpHeader.ALLOW)).isEqualTo("GET, HEAD");
        assertThat(getEcho.getStatus()).isEqualTo(405);
        assertThat(getEcho.getHeaders().get(HttpHeader.ALLOW)).isEqualTo("POST");
    }

    ContentResponse get(String path) throws Exception
    {
        return app.http.GET(app.uri(path));
    }
}
