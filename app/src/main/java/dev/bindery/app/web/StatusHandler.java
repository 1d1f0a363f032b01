package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /api/status}: the status document, with how this very request arrived. */
final class StatusHandler extends Handler.Abstract.NonBlocking
{
    private final ServerStatus status;

    StatusHandler(ServerStatus status)
    {
        this.status = requireNonNull(status, "status is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
    {
        String json = StatusJson.render(status, RequestArrival.of(request));
        Responses.json(response, callback, HttpStatus.OK_200, json);
        return true;
    }
}
