package dev.bindery.app.proxy;

import static java.util.Objects.requireNonNull;

import dev.bindery.app.proxy.ForwardedChain.Hop;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the client's address, scheme, host and path prefix from {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Prefix} and RFC 7239
 * {@code Forwarded}, when the peer that sent them is a {@link TrustedProxies trusted proxy}, and
 * hands the handlers a {@link ForwardedRequest} that carries them. From any other peer the
 * headers are left in place and never used.
 *
 * <p>Unlike Jetty's {@code ForwardedRequestCustomizer}, which believes every peer and takes the
 * leftmost address, the client is the rightmost hop that is not a trusted proxy: the leftmost
 * is whatever the client chose to send.
 *
 * <p>When both are present, {@code X-Forwarded-For} names the hops and {@code Forwarded} is not
 * read at all: nginx appends to the first and passes the second through as the client sent it,
 * so there a {@code Forwarded} header is the client's own invention from end to end. A proxy
 * that writes only {@code Forwarded} must remove any {@code X-Forwarded-For} it receives.
 */
public final class ProxyHeaders implements HttpConfiguration.Customizer
{
    static final String X_FORWARDED_PREFIX = "X-Forwarded-Prefix";

    private final TrustedProxies trusted;

    public ProxyHeaders(TrustedProxies trusted)
    {
        this.trusted = requireNonNull(trusted, "trusted is null");
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders)
    {
        // Most requests carry none of these headers; finding that out allocates nothing
        HttpFields headers = request.getHeaders();
        if (!hasForwardedHeader(headers)) {
            return request;
        }
        if (!trusted.trustsPeer(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return request;
        }

        // The hops, and the list headers that go with them
        List<Hop> forwarded = new ArrayList<>(4);
        List<Hop> forwardedFor = new ArrayList<>(4);
        List<String> protos = new ArrayList<>(1);
        List<String> hosts = new ArrayList<>(1);
        List<String> prefixes = new ArrayList<>(1);
        for (int i = 0; i < headers.size(); i++) {
            HttpField field = headers.getField(i);
            HttpHeader header = field.getHeader();
            if (header == HttpHeader.FORWARDED) {
                ForwardedChain.addForwarded(field.getValue(), forwarded);
            }
            else if (header == HttpHeader.X_FORWARDED_FOR) {
                ForwardedChain.addForwardedFor(field.getValue(), forwardedFor);
            }
            else if (header == HttpHeader.X_FORWARDED_PROTO) {
                protos.addAll(ForwardedChain.items(field.getValue()));
            }
            else if (header == HttpHeader.X_FORWARDED_HOST) {
                hosts.addAll(ForwardedChain.items(field.getValue()));
            }
            else if (header == null && field.is(X_FORWARDED_PREFIX)) {
                prefixes.addAll(ForwardedChain.items(field.getValue()));
            }
        }
        List<Hop> hops = forwardedFor.isEmpty() ? forwarded : forwardedFor;

        return resolve(request, hops, protos, hosts, prefixes);
    }

    private Request resolve(
            Request request,
            List<Hop> hops,
            List<String> protos,
            List<String> hosts,
            List<String> prefixes)
    {
        RequestOrigin direct = RequestOrigin.direct(request);

        // The client: the rightmost hop that no trusted proxy could have written
        String clientAddress = direct.clientAddress();
        InetSocketAddress client = null;
        Hop hop = new Hop(null, null, null);
        int behind = 0;
        if (!hops.isEmpty()) {
            int index = ForwardedChain.clientIndex(hops, trusted);
            hop = hops.get(index);
            behind = hops.size() - 1 - index;
            IpAddress address = ForwardedChain.address(hop.node());
            clientAddress = address != null ? address.toString() : ForwardedChain.name(hop.node());
            client = address != null ? new InetSocketAddress(address.toInetAddress(), 0) : null;
        }

        // What the client asked for, as the outermost trusted proxy received it
        String scheme = ForwardedValues.scheme(
                firstOf(hop.proto(), ForwardedValues.aligned(protos, behind)));
        HostPort authority = ForwardedValues.host(
                firstOf(hop.host(), ForwardedValues.aligned(hosts, behind)));
        String prefix = ForwardedValues.prefix(ForwardedValues.aligned(prefixes, behind));

        String host = authority != null
                ? RequestOrigin.authority(authority.getHost(), authority.getPort())
                : direct.host();
        RequestOrigin origin = new RequestOrigin(
                clientAddress,
                scheme != null ? scheme : direct.scheme(),
                host,
                prefix != null ? prefix : direct.prefix());
        return new ForwardedRequest(request, origin, authority, client);
    }

    /** One pass over the fields, by index, so that no iterator is made. */
    private static boolean hasForwardedHeader(HttpFields headers)
    {
        for (int i = 0; i < headers.size(); i++) {
            HttpField field = headers.getField(i);
            HttpHeader header = field.getHeader();
            if (header == HttpHeader.FORWARDED
                    || header == HttpHeader.X_FORWARDED_FOR
                    || header == HttpHeader.X_FORWARDED_PROTO
                    || header == HttpHeader.X_FORWARDED_HOST
                    || header == null && field.is(X_FORWARDED_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private static String firstOf(String preferred, String fallback)
    {
        return preferred != null ? preferred : fallback;
    }
}
