package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Counts every request the server receives, WebSocket upgrades and health checks included. */
final class RequestCounter extends Handler.Wrapper
{
    private final ServerStatus status;

    RequestCounter(ServerStatus status, Handler handler)
    {
        super(handler);
        this.status = requireNonNull(status, "status is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception
    {
        status.countRequest();
        return super.handle(request, response, callback);
    }
}
