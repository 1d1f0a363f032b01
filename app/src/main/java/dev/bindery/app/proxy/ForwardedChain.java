package dev.bindery.app.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * The hops a request passed through, oldest first, as {@code X-Forwarded-For} or RFC 7239
 * {@code Forwarded} list them. Each proxy appends the peer it received the request from, so only
 * the right end of a chain was written by proxies; anything further left may be the client's
 * invention.
 */
final class ForwardedChain
{
    /**
     * One hop.
     *
     * @param node the address as written, such as {@code 203.0.113.9} or
     *         {@code [2001:db8::1]:4711}; null when a {@code Forwarded} element has no {@code for}
     * @param proto the protocol the proxy received the request with ({@code Forwarded} only)
     * @param host the Host header the proxy received ({@code Forwarded} only)
     */
    record Hop(String node, String proto, String host) {}

    // Long enough for any address, an RFC 7239 obfuscated name or "unknown"
    private static final int LONGEST_NAME = 64;

    private ForwardedChain() {}

    /** Appends the hops of one {@code X-Forwarded-For} line: addresses separated by commas. */
    static void addForwardedFor(String value, List<Hop> hops)
    {
        for (String item : items(value)) {
            hops.add(new Hop(item, null, null));
        }
    }

    /**
     * Appends the hops of one {@code Forwarded} line: elements separated by commas, each made of
     * {@code name=value} pairs separated by semicolons, a value a token or a quoted string.
     * Parameters other than {@code for}, {@code proto} and {@code host} are skipped.
     */
    static void addForwarded(String value, List<Hop> hops)
    {
        String node = null;
        String proto = null;
        String host = null;
        boolean pending = false;
        int position = 0;
        int length = value.length();
        while (position <= length) {
            position = skipSpace(value, position);
            if (position >= length || value.charAt(position) == ',') {
                if (pending) {
                    hops.add(new Hop(node, proto, host));
                }
                node = null;
                proto = null;
                host = null;
                pending = false;
                position++;
                continue;
            }
            if (value.charAt(position) == ';') {
                position++;
                continue;
            }

            // One pair: the name up to '=', then a token or a quoted string
            int equals = position;
            while (equals < length && "=;,".indexOf(value.charAt(equals)) < 0) {
                equals++;
            }
            String name = value.substring(position, equals).strip();
            if (equals >= length || value.charAt(equals) != '=') {
                // A name without a value: malformed, but it still marks an element
                pending = true;
                position = equals;
                continue;
            }
            StringBuilder parsed = new StringBuilder();
            position = readValue(value, equals + 1, parsed);
            pending = true;
            if (name.equalsIgnoreCase("for")) {
                node = parsed.toString();
            }
            else if (name.equalsIgnoreCase("proto")) {
                proto = parsed.toString();
            }
            else if (name.equalsIgnoreCase("host")) {
                host = parsed.toString();
            }
        }
    }

    /**
     * Walks the chain from the right, past every hop that is a trusted proxy: the first one that
     * is not is the client, since a trusted proxy wrote it. When every hop is trusted, the
     * leftmost is the client.
     *
     * @return the client's index in {@code hops}, which is not empty
     */
    static int clientIndex(List<Hop> hops, TrustedProxies trusted)
    {
        for (int i = hops.size() - 1; i > 0; i--) {
            IpAddress address = address(hops.get(i).node());
            if (address == null || !trusted.trusts(address)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The address of a node, without the brackets and port it may carry ({@code [::1]:80},
     * {@code 192.0.2.1:4711}); null for {@code unknown}, an obfuscated name or anything else.
     */
    static IpAddress address(String node)
    {
        if (node == null || node.isEmpty()) {
            return null;
        }
        String literal = node;
        if (node.charAt(0) == '[') {
            int close = node.indexOf(']');
            literal = close < 0 ? node : node.substring(1, close);
        }
        else if (node.indexOf(':') >= 0 && node.indexOf(':') == node.lastIndexOf(':')) {
            // One colon: IPv4 and a port; IPv6 has at least two
            literal = node.substring(0, node.indexOf(':'));
        }
        return IpAddress.parse(literal);
    }

    /**
     * How a node that is no address is reported: as written when it is a plain name such as
     * {@code unknown} or {@code _hidden}, else {@code unknown}, so that no header text reaches a
     * log line unchecked.
     */
    static String name(String node)
    {
        if (node == null || node.isEmpty() || node.length() > LONGEST_NAME) {
            return "unknown";
        }
        for (int i = 0; i < node.length(); i++) {
            char c = node.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-' || c == ':';
            if (!plain) {
                return "unknown";
            }
        }
        return node;
    }

    /** The items of a list header such as {@code X-Forwarded-Proto}: split at commas, trimmed. */
    static List<String> items(String value)
    {
        List<String> items = new ArrayList<>(2);
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String item = value.substring(start, end).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            start = end + 1;
        }
        return items;
    }

    /** Reads a token or quoted string from {@code start}; returns where the next pair begins. */
    private static int readValue(String value, int start, StringBuilder parsed)
    {
        int position = skipSpace(value, start);
        int length = value.length();
        if (position < length && value.charAt(position) == '"') {
            position++;
            while (position < length && value.charAt(position) != '"') {
                // A backslash quotes the next character
                if (value.charAt(position) == '\\' && position + 1 < length) {
                    position++;
                }
                parsed.append(value.charAt(position));
                position++;
            }
            // Past the closing quote, and whatever stands between it and the next separator
            while (position < length && ";,".indexOf(value.charAt(position)) < 0) {
                position++;
            }
            return position;
        }
        while (position < length && ";, \t".indexOf(value.charAt(position)) < 0) {
            parsed.append(value.charAt(position));
            position++;
        }
        while (position < length && ";,".indexOf(value.charAt(position)) < 0) {
            position++;
        }
        return position;
    }

    private static int skipSpace(String value, int position)
    {
        while (position < value.length() && " \t".indexOf(value.charAt(position)) >= 0) {
            position++;
        }
        return position;
    }
}
