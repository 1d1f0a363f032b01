package dev.bindery.app.proxy;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;

import java.net.SocketAddress;

/**
 * A request as the client made it, before the proxies: their scheme and host in its URI and
 * Host header, the client's address as the remote address. So Jetty and any handler that asks
 * the request itself (for {@code isSecure()}, {@code Request.getRemoteAddr},
 * {@code Request.getServerName}) get the resolved values, and {@link RequestOrigin#of} finds
 * them all in one place.
 */
final class ForwardedRequest extends Request.Wrapper
{
    private final RequestOrigin origin;
    private final HttpURI uri;
    private final HttpFields headers;
    private final ConnectionMetaData metaData;

    /**
     * @param authority the forwarded host, or null to keep the request's
     * @param client the client's address, or null when a proxy named none
     */
    ForwardedRequest(
            Request request,
            RequestOrigin origin,
            HostPort authority,
            SocketAddress client)
    {
        super(request);
        this.origin = requireNonNull(origin, "origin is null");
        this.uri = uri(request.getHttpURI(), origin.scheme(), authority);
        this.headers = headers(request.getHeaders(), authority);
        this.metaData = new Resolved(request.getConnectionMetaData(), origin, authority, client);
    }

    RequestOrigin origin()
    {
        return origin;
    }

    @Override
    public HttpURI getHttpURI()
    {
        return uri;
    }

    @Override
    public HttpFields getHeaders()
    {
        return headers;
    }

    @Override
    public boolean isSecure()
    {
        return "https".equals(origin.scheme());
    }

    @Override
    public ConnectionMetaData getConnectionMetaData()
    {
        return metaData;
    }

    private static HttpURI uri(HttpURI original, String scheme, HostPort authority)
    {
        HttpURI.Mutable uri = HttpURI.build(original).scheme(scheme);
        if (authority != null) {
            uri.authority(authority.getHost(), authority.getPort());
        }
        return uri.asImmutable();
    }

    /** Jetty refuses a request whose URI names another host than its Host header (400). */
    private static HttpFields headers(HttpFields original, HostPort authority)
    {
        if (authority == null) {
            return original;
        }
        return HttpFields.build(original).put(HttpHeader.HOST, authority.toString()).asImmutable();
    }

    /** The connection as the client saw it: its address, its scheme's security, its host. */
    private static final class Resolved extends ConnectionMetaData.Wrapper
    {
        private final boolean secure;
        private final HostPort authority;
        private final SocketAddress client;

        Resolved(
                ConnectionMetaData wrapped,
                RequestOrigin origin,
                HostPort authority,
                SocketAddress client)
        {
            super(wrapped);
            this.secure = "https".equals(origin.scheme());
            this.authority = authority;
            this.client = client;
        }

        @Override
        public boolean isSecure()
        {
            return secure;
        }

        @Override
        public SocketAddress getRemoteSocketAddress()
        {
            return client != null ? client : super.getRemoteSocketAddress();
        }

        @Override
        public HostPort getServerAuthority()
        {
            return authority != null ? authority : super.getServerAuthority();
        }
    }
}
