package dev.bindery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.server.NetworkConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class DrainingTest
{
    private RunningApp app;

    @BeforeEach
    void start() throws Exception
    {
        app = RunningApp.overTcp(Map.of("BINDERY_SHUTDOWN_GRACE", "20s"));
    }

    @AfterEach
    void stop() throws Exception
    {
        app.close();
    }

    @Test
    void answersHealthWith503WhileARequestInFlightFinishes() throws Exception
    {
        // A slow upload to the echo endpoint: the first part now, the rest after stopping begins
        AsyncRequestContent upload = new AsyncRequestContent("application/octet-stream");
        CompletableFuture<Result> echoed = new CompletableFuture<>();
        BufferingResponseListener echoListener = new BufferingResponseListener(1024 * 1024)
        {
            @Override
            public void onComplete(Result result)
            {
                echoed.complete(result);
            }
        };
        app.http.POST(app.uri("/api/echo")).body(upload).send(echoListener);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        writePart(upload, sent, 0);
        Thread.sleep(300);

        // A second connection, idle in the client's pool, over which to ask for /health while draining
        assertThat(app.http.GET(app.uri("/health")).getStatus()).isEqualTo(200);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(app.lifecycle::stop);
        ContentResponse health = healthOnceDraining();
        assertThat(health.getStatus()).isEqualTo(503);
        assertThat(health.getContentAsString()).isEqualTo("{\"status\":\"DRAINING\"}");
        assertThat(stopped).as("stop waits for the request in flight").isNotDone();

        // The request in flight finishes, body intact, and then the stop completes
        for (int part = 1; part < 10; part++) {
            writePart(upload, sent, part);
            Thread.sleep(100);
        }
        upload.close();
        Result result = echoed.get(10, TimeUnit.SECONDS);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(echoListener.getContent()).isEqualTo(sent.toByteArray());
        stopped.get(10, TimeUnit.SECONDS);
    }

    private ContentResponse healthOnceDraining() throws Exception
    {
        // Stopping runs on another thread. Wait until the listener has closed: by then /health
        // answers 503. Jetty closes a connection after its first response once stopping has
        // begun, so this asks only once, over the connection already open.
        NetworkConnector connector = (NetworkConnector) app.lifecycle.server().getConnectors()[0];
        for (int attempt = 0; attempt < 200 && connector.isOpen(); attempt++) {
            Thread.sleep(5);
        }
        return app.http.GET(app.uri("/health"));
    }

    private static void writePart(AsyncRequestContent upload, ByteArrayOutputStream sent, int part)
    {
        byte[] bytes = ("part " + part + " of a slow upload\n").getBytes();
        sent.writeBytes(bytes);
        upload.write(ByteBuffer.wrap(bytes), org.eclipse.jetty.util.Callback.NOOP);
    }
}
