package dev.bindery.app.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The bundled application as one tree of Jetty handlers:
 *
 * <pre>
 * RequestCounter                 counts every request
 *   /health                      outside the graceful handler, so it can answer 503 while draining
 *   GracefulHandler              lets requests in flight finish when stopping begins
 *     WebSocketUpgradeHandler    /live upgrades to a WebSocket
 *       /, /index.css, /index.js the status page
 *       /api/status, /api/echo   the API
 *       anything else            404
 * </pre>
 */
public final class WebApplication
{
    // A slow /live client may fall this many frames behind before sends to it fail
    private static final int MAX_QUEUED_FRAMES = 8;

    private WebApplication() {}

    public static Handler create(
            Server server,
            ServerStatus status,
            LiveStatusBroadcaster live,
            long echoLimit)
    {
        // The application proper
        Routes application = Routes.builder()
                .get("/", PageResource.html("index.html"))
                .get("/index.css", PageResource.css("index.css"))
                .get("/index.js", PageResource.javaScript("index.js"))
                .get("/api/status", new StatusHandler(status))
                .post("/api/echo", new EchoHandler(echoLimit))
                .get("/live", upgradeRequired())
                .orNotFound();

        // WebSocket upgrades of /live; every other request passes through to the routes
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxOutgoingFrames(MAX_QUEUED_FRAMES);
            container.addMapping("/live", (request, response, callback) ->
                    new LiveStatusSocket(live, RequestArrival.of(request)));
        });
        webSockets.setHandler(application);

        // Once stopping begins, requests in flight may finish and new ones get 503
        GracefulHandler graceful = new GracefulHandler(webSockets);

        Routes outer = Routes.builder()
                .get("/health", new HealthHandler(status))
                .orElse(graceful);
        return new RequestCounter(status, outer);
    }

    /** A plain GET of {@code /live}: the path exists, but only as a WebSocket. */
    private static Handler upgradeRequired()
    {
        return new Handler.Abstract.NonBlocking()
        {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
            {
                response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
                Responses.text(response, callback, HttpStatus.UPGRADE_REQUIRED_426,
                        "/live is a WebSocket: connect with ws:// or wss://");
                return true;
            }
        };
    }
}
