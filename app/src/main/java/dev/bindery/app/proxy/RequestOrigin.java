package dev.bindery.app.proxy;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Where a request came from and how the client addressed the server, after the headers of
 * trusted proxies: what the status document, the page's URLs and the access log report.
 *
 * @param clientAddress the client's IP address ({@code 203.0.113.9}, {@code 2001:db8::1}), a name
 *         a proxy gave instead ({@code unknown}), or null over a Unix socket without forwarded
 *         headers, where the JDK reports no address
 * @param scheme {@code http} or {@code https}
 * @param host the host and port the client asked for, such as {@code example.com} or
 *         {@code 127.0.0.1:4000}; null when the request named none
 * @param prefix the path under which a proxy serves this server, such as {@code /bindery}, or
 *         empty
 */
public record RequestOrigin(String clientAddress, String scheme, String host, String prefix)
{
    public RequestOrigin
    {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(prefix, "prefix is null");
    }

    /** The origin {@link ProxyHeaders} resolved, or the connection's own when it resolved none. */
    public static RequestOrigin of(Request request)
    {
        ForwardedRequest forwarded = Request.as(request, ForwardedRequest.class);
        if (forwarded != null) {
            return forwarded.origin();
        }
        return direct(request);
    }

    /** What the connection and the request line say, with no proxy taken into account. */
    static RequestOrigin direct(Request request)
    {
        HttpURI uri = request.getHttpURI();
        String scheme = uri.getScheme() != null
                ? uri.getScheme()
                : request.isSecure() ? "https" : "http";
        return new RequestOrigin(
                peerAddress(request.getConnectionMetaData().getRemoteSocketAddress()),
                scheme,
                authority(uri.getHost(), uri.getPort()),
                "");
    }

    /**
     * The WebSocket URL of {@code path} as the client sees this server: {@code ws} or {@code wss}
     * after the scheme, then host, prefix and path. Null when the request named no host.
     */
    public String webSocketUrl(String path)
    {
        if (host == null) {
            return null;
        }
        return ("https".equals(scheme) ? "wss" : "ws") + "://" + host + prefix + path;
    }

    static String authority(String host, int port)
    {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String normalized = HostPort.normalizeHost(host);
        return port > 0 ? normalized + ":" + port : normalized;
    }

    private static String peerAddress(SocketAddress remote)
    {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return IpAddress.of(inet.getAddress()).toString();
        }
        return null;
    }
}
