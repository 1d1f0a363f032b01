package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} while serving, 503 {@code {"status":"DRAINING"}}
 * once stopping has begun, so that a proxy or load balancer stops sending work here.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking
{
    private final ServerStatus status;

    HealthHandler(ServerStatus status)
    {
        this.status = requireNonNull(status, "status is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
    {
        if (status.isDraining()) {
            Responses.json(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "{\"status\":\"DRAINING\"}");
        }
        else {
            Responses.json(response, callback, HttpStatus.OK_200, "{\"status\":\"UP\"}");
        }
        return true;
    }
}
