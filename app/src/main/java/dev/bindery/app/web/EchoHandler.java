package dev.bindery.app.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.InputStream;

/**
 * {@code POST /api/echo}: sends the body back unchanged, so an operator can check that a proxy
 * passes bodies intact. A body over the limit gets 413, at once when its length is announced.
 */
final class EchoHandler extends Handler.Abstract
{
    static final String CONTENT_TYPE = "application/octet-stream";

    private final long limit;

    EchoHandler(long limit)
    {
        if (limit < 0 || limit > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "echo limit " + limit + " is outside 0 to " + (Integer.MAX_VALUE - 8));
        }
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception
    {
        // A body announced too large is refused before a byte of it is read
        long announced = request.getLength();
        if (announced > limit) {
            tooLarge(response, callback);
            return true;
        }

        // Read one byte past the limit to tell a body of exactly the limit from a larger one.
        // Reading blocks this thread, which a diagnostic endpoint can afford.
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes((int) limit + 1);
        }
        if (body.length > limit) {
            tooLarge(response, callback);
            return true;
        }

        Responses.send(response, callback, HttpStatus.OK_200, CONTENT_TYPE, body);
        return true;
    }

    private void tooLarge(Response response, Callback callback)
    {
        Responses.text(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                "Request body larger than the echo limit of " + limit + " bytes (bindery.app.echo-limit)");
    }
}
