package dev.bindery.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal HTTP/1.0 GET over TCP or a Unix domain socket, using only the JDK.
 * HTTP/1.0 with no keep-alive makes the server close the connection after one
 * response without chunking, so the body is everything after the headers.
 */
final class HttpProbe
{
    private static final long TIMEOUT_SECONDS = 10;

    record Response(int status, String body) {}

    private HttpProbe() {}

    static Response get(SocketAddress address, String path) throws IOException
    {
        SocketChannel channel = SocketChannel.open(address);
        CompletableFuture<Response> exchange =
                CompletableFuture.supplyAsync(() -> exchange(channel, address, path));
        try {
            return exchange.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (TimeoutException e) {
            throw new IOException(
                    "no answer from " + address + " within " + TIMEOUT_SECONDS + " s");
        }
        catch (ExecutionException e) {
            throw new IOException("GET " + path + " from " + address + " failed", e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        finally {
            channel.close();
        }
    }

    private static Response exchange(SocketChannel channel, SocketAddress address, String path)
    {
        try {
            String host = address instanceof UnixDomainSocketAddress ? "localhost" : "127.0.0.1";
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));

            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                received.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response parse(String response) throws IOException
    {
        int endOfHeaders = response.indexOf("\r\n\r\n");
        String[] statusLine = response.lines().findFirst().orElse("").split(" ");
        if (endOfHeaders < 0 || statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + response);
        }
        return new Response(Integer.parseInt(statusLine[1]), response.substring(endOfHeaders + 4));
    }
}
