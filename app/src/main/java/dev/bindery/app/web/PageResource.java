package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of the status page, served from the class path ({@code dev/bindery/app/web/}). The
 * file is read when the server starts, so a missing one fails the start instead of a request.
 */
final class PageResource extends Handler.Abstract.NonBlocking
{
    private final String name;
    private final String contentType;
    private volatile byte[] content;

    PageResource(String name, String contentType)
    {
        this.name = requireNonNull(name, "name is null");
        this.contentType = requireNonNull(contentType, "contentType is null");
    }

    static PageResource html(String name)
    {
        return new PageResource(name, "text/html; charset=utf-8");
    }

    static PageResource css(String name)
    {
        return new PageResource(name, "text/css; charset=utf-8");
    }

    static PageResource javaScript(String name)
    {
        return new PageResource(name, "text/javascript; charset=utf-8");
    }

    @Override
    protected void doStart() throws Exception
    {
        try (InputStream in = PageResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource dev/bindery/app/web/" + name + " on the class path");
            }
            content = in.readAllBytes();
        }
        super.doStart();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
    {
        // The page is small and changes with each release; revalidating costs little
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        Responses.send(response, callback, HttpStatus.OK_200, contentType, content);
        return true;
    }
}
