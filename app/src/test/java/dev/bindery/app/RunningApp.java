package dev.bindery.app;

import dev.bindery.app.config.ConfigurationLoader;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real application, wired by the real injector and started in this JVM, with a Jetty HTTP and
 * WebSocket client that reach it over its transport. Closing it stops both and deletes the
 * socket directory.
 */
final class RunningApp implements AutoCloseable
{
    final ServerLifecycle lifecycle;
    final HttpClient http;
    final WebSocketClient webSockets;
    final URI base;
    final Path socketDirectory;

    private RunningApp(ServerLifecycle lifecycle, HttpClient http, URI base, Path socketDirectory) throws Exception
    {
        this.lifecycle = lifecycle;
        this.http = http;
        this.base = base;
        this.socketDirectory = socketDirectory;
        this.webSockets = new WebSocketClient(http);
        webSockets.start();
    }

    /** On TCP, 127.0.0.1 and a port the kernel chooses. */
    static RunningApp overTcp(Map<String, String> environment) throws Exception
    {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("HTTP_BINDING_ADDRESS", "127.0.0.1");
        variables.put("PORT", "0");
        ServerLifecycle lifecycle = start(variables);

        int port = ((org.eclipse.jetty.server.NetworkConnector) lifecycle.server().getConnectors()[0]).getLocalPort();
        HttpClient http = new HttpClient();
        http.start();
        return new RunningApp(lifecycle, http, URI.create("http://127.0.0.1:" + port), null);
    }

    /** On a Unix socket in a new directory under /tmp (short, for the 108-byte path limit). */
    static RunningApp overUnixSocket(Map<String, String> environment) throws Exception
    {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "app");
        Path socket = directory.resolve("bindery.sock");
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("HTTP_BINDING_ADDRESS", socket.toString());
        ServerLifecycle lifecycle;
        try {
            lifecycle = start(variables);
        }
        catch (Exception | Error e) {
            deleteTree(directory);
            throw e;
        }

        HttpClient http = new HttpClient(new OverUnixSocket(socket));
        http.start();
        // The host is for the Host header only; every connection goes to the socket
        return new RunningApp(lifecycle, http, URI.create("http://localhost"), directory);
    }

    private static ServerLifecycle start(Map<String, String> environment) throws Exception
    {
        ConfigurationLoader loader = new ConfigurationLoader(environment, Map.of(), RunningApp.class.getClassLoader());
        ServerLifecycle lifecycle = Main.wire(loader);
        lifecycle.start();
        return lifecycle;
    }

    URI uri(String path)
    {
        return base.resolve(path);
    }

    /** GET with headers given as name, value pairs; a name given twice is sent on two lines. */
    ContentResponse get(String path, String... headers) throws Exception
    {
        return get(http, path, headers);
    }

    /** The same through another client, such as one bound to another source address. */
    ContentResponse get(HttpClient client, String path, String... headers) throws Exception
    {
        Request request = client.newRequest(uri(path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            String name = headers[i];
            String value = headers[i + 1];
            request.headers(fields -> fields.add(name, value));
        }
        return request.send();
    }

    URI webSocketUri(String path)
    {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
    }

    @Override
    public void close() throws Exception
    {
        try {
            webSockets.stop();
            http.stop();
        }
        finally {
            lifecycle.stop();
            if (socketDirectory != null) {
                deleteTree(socketDirectory);
            }
        }
    }

    static void deleteTree(Path directory) throws IOException
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Sends every request, WebSocket upgrades included, over one Unix socket. A WebSocket
     * upgrade request is made inside the WebSocket client, out of reach of
     * {@code Request.transport(...)}; the client transport picks the socket for each request instead.
     */
    private static final class OverUnixSocket extends HttpClientTransportOverHTTP
    {
        private final Path socket;

        OverUnixSocket(Path socket)
        {
            this.socket = socket;
        }

        @Override
        public Origin newOrigin(Request request)
        {
            if (request.getTransport() == null) {
                request.transport(new Transport.TCPUnix(socket));
            }
            return super.newOrigin(request);
        }
    }
}
