package dev.bindery.app.web;

import org.eclipse.jetty.server.Request;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * How one request reached the server, as {@code /api/status} and the status page report it.
 *
 * @param clientAddress the peer's IP address; null over a Unix socket, where the JDK reports none
 * @param method the request method, such as {@code GET}
 * @param path the request path, without the query
 * @param protocol the HTTP version, such as {@code HTTP/1.1}
 */
public record RequestArrival(String clientAddress, String method, String path, String protocol)
{
    // TODO: the address seen here is the proxy's when one is in front; resolving X-Forwarded-For
    // and Forwarded from trusted peers, and the Unix socket peer's uid and gid, belong here.
    public static RequestArrival of(Request request)
    {
        return new RequestArrival(
                clientAddress(request.getConnectionMetaData().getRemoteSocketAddress()),
                request.getMethod(),
                request.getHttpURI().getPath(),
                request.getConnectionMetaData().getProtocol());
    }

    private static String clientAddress(SocketAddress remote)
    {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return null;
    }
}
