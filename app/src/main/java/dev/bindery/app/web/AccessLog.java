package dev.bindery.app.web;

import dev.bindery.app.proxy.RequestOrigin;
import dev.bindery.transport.uds.PeerCredentials;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.DateCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line per request in the combined log format, to the SLF4J logger {@code bindery.access} at
 * INFO, so Logback decides where it goes:
 *
 * <pre>
 * client - - [dd/Mon/yyyy:hh:mm:ss zone] "METHOD target PROTOCOL" status bytes "referer" "agent"
 * </pre>
 *
 * The client is the address after trusted proxies' headers ({@code -} when there is none, as on a
 * Unix socket without them); bytes are the body's ({@code -} for none). On a Unix socket the line
 * ends with {@code peer_uid=N}, the connecting process's user id ({@code peer_uid=-} when the
 * platform did not report it), a column that tools reading the combined format ignore.
 */
public final class AccessLog implements RequestLog
{
    public static final String LOGGER = "bindery.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    // Formats each second once, however many requests share it
    private final DateCache dates = new DateCache("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    private AccessLog() {}

    /** Logs the server's requests when {@code enabled}; else the server has no request log. */
    public static void install(Server server, boolean enabled)
    {
        if (enabled) {
            server.setRequestLog(new AccessLog());
        }
    }

    @Override
    public void log(Request request, Response response)
    {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info(line(request, response));
    }

    String line(Request request, Response response)
    {
        StringBuilder line = new StringBuilder(160);
        String client = RequestOrigin.of(request).clientAddress();
        line.append(client != null ? client : "-").append(" - - [")
                .append(dates.format(Request.getTimeStamp(request))).append("] \"");

        appendEscaped(line, request.getMethod());
        line.append(' ');
        appendEscaped(line, request.getHttpURI().getPathQuery());
        line.append(' ');
        appendEscaped(line, request.getConnectionMetaData().getProtocol());
        line.append("\" ").append(response.getStatus()).append(' ');

        long bytes = Response.getContentBytesWritten(response);
        line.append(bytes > 0 ? String.valueOf(bytes) : "-");

        appendQuotedHeader(line, request, HttpHeader.REFERER);
        appendQuotedHeader(line, request, HttpHeader.USER_AGENT);

        Optional<PeerCredentials> peer = PeerCredentials.of(request);
        if (peer.isPresent()) {
            OptionalInt uid = peer.get().uid();
            // Unsigned, as Linux has it
            line.append(" peer_uid=")
                    .append(uid.isPresent() ? Integer.toUnsignedString(uid.getAsInt()) : "-");
        }
        return line.toString();
    }

    private static void appendQuotedHeader(StringBuilder line, Request request, HttpHeader header)
    {
        String value = request.getHeaders().get(header);
        line.append(" \"");
        appendEscaped(line, value != null ? value : "-");
        line.append('"');
    }

    /**
     * As Apache's log does: a quote or backslash gets a backslash, and a control or non-ASCII
     * character becomes {@code \xHH}, so that no request can end a line or a field early.
     */
    private static void appendEscaped(StringBuilder line, String text)
    {
        if (text == null) {
            line.append('-');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            }
            else if (c < 0x20 || c >= 0x7f) {
                line.append(String.format("\\x%02x", c & 0xff));
            }
            else {
                line.append(c);
            }
        }
    }
}
