package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import dev.bindery.app.proxy.RequestOrigin;
import dev.bindery.transport.uds.PeerCredentials;
import org.eclipse.jetty.server.Request;

import java.util.Optional;

/**
 * How one request reached the server, as {@code /api/status} and the status page report it.
 *
 * @param origin the client's address, scheme, host and path prefix, after trusted proxies'
 *         headers
 * @param method the request method, such as {@code GET}
 * @param path the request path, without the query
 * @param protocol the HTTP version, such as {@code HTTP/1.1}
 * @param peer the user and group of the process that connected, on a Unix socket; empty over TCP
 */
public record RequestArrival(
        RequestOrigin origin,
        String method,
        String path,
        String protocol,
        Optional<PeerCredentials> peer)
{
    public RequestArrival
    {
        requireNonNull(origin, "origin is null");
        requireNonNull(peer, "peer is null");
    }

    public static RequestArrival of(Request request)
    {
        return new RequestArrival(
                RequestOrigin.of(request),
                request.getMethod(),
                request.getHttpURI().getPath(),
                request.getConnectionMetaData().getProtocol(),
                PeerCredentials.of(request));
    }

    /** The client's address; null over a Unix socket when no trusted proxy named one. */
    public String clientAddress()
    {
        return origin.clientAddress();
    }
}
