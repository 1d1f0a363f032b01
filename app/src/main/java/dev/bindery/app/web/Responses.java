package dev.bindery.app.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes a whole response at once, with its length, so that HEAD answers with the same headers as GET. */
final class Responses
{
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {}

    static void send(Response response, Callback callback, int status, String contentType, byte[] body)
    {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static void json(Response response, Callback callback, int status, String json)
    {
        // Status documents change every second; a cached one would mislead
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        send(response, callback, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    static void text(Response response, Callback callback, int status, String text)
    {
        send(response, callback, status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
