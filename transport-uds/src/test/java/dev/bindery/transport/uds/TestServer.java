package dev.bindery.transport.uds;

import dev.bindery.transport.Binding;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.Transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/** A plain Jetty server with one Unix socket binding and a handler that says where it listens. */
final class TestServer implements AutoCloseable
{
    static final String BODY = "served by bindery over a Unix socket";

    final Server server = new Server();
    final Binding binding;

    TestServer(Transport transport, Path socket)
    {
        binding = transport.install(server, Endpoint.unixSocket(socket));
        server.setHandler(new Handler.Abstract()
        {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
            {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                response.write(true, StandardCharsets.UTF_8.encode(BODY), callback);
                return true;
            }
        });
    }

    TestServer(UnixSocketSettings settings, Path socket)
    {
        this(new UnixSocketTransport(settings), socket);
    }

    TestServer start() throws Exception
    {
        server.start();
        return this;
    }

    /** Starts the server as an application would: on failure, stops it and returns the cause. */
    Exception startExpectingFailure()
    {
        try {
            server.start();
        }
        catch (Exception e) {
            close();
            return e;
        }
        close();
        throw new AssertionError("the server started on " + binding.describe());
    }

    @Override
    public void close()
    {
        try {
            server.stop();
        }
        catch (Exception e) {
            throw new AssertionError("stopping the server failed", e);
        }
    }
}
