package dev.bindery.app.proxy;

import org.eclipse.jetty.util.HostPort;

import java.util.List;

/**
 * Checks the scheme, host and path prefix a proxy forwards. A value that fails is ignored, as if
 * the header were absent: these values end up in URLs the status page follows and in logs.
 */
final class ForwardedValues
{
    private ForwardedValues() {}

    /**
     * The item of a list header that belongs with the client's hop. A proxy that appends to
     * {@code X-Forwarded-Proto} as to {@code X-Forwarded-For} leaves the items in the same order,
     * so the item as far from the right as the client's hop is the one the outermost trusted
     * proxy wrote. A proxy that replaces the header leaves one item, which is taken as it is.
     *
     * @param behind how many trusted hops stand right of the client's
     * @return null when the header is absent
     */
    static String aligned(List<String> items, int behind)
    {
        if (items.isEmpty()) {
            return null;
        }
        return items.get(items.size() - 1 - Math.min(behind, items.size() - 1));
    }

    /** {@code http} or {@code https}, in lower case; null for anything else. */
    static String scheme(String value)
    {
        if ("https".equalsIgnoreCase(value)) {
            return "https";
        }
        if ("http".equalsIgnoreCase(value)) {
            return "http";
        }
        return null;
    }

    /**
     * A host and perhaps a port, such as {@code example.com:8443} or {@code [2001:db8::1]}; null
     * when not one. Checked here rather than by Jetty's {@code HostPort}, which logs a warning for
     * each bad value: a client could fill the log with them.
     */
    static HostPort host(String value)
    {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int close = value.charAt(0) == '[' ? value.indexOf(']') : -1;
        int portColon = close >= 0 ? close + 1 : value.indexOf(':');
        int hostEnd = portColon >= 0 && portColon < value.length() ? portColon : value.length();
        String host = value.substring(0, hostEnd);

        boolean validHost = close >= 0
                ? close == hostEnd - 1 && isIpv6(host.substring(1, close))
                : isHostName(host);
        if (!validHost) {
            return null;
        }
        if (hostEnd == value.length()) {
            return new HostPort(host, -1);
        }
        if (value.charAt(hostEnd) != ':') {
            return null;
        }
        int port = port(value.substring(hostEnd + 1));
        return port > 0 ? new HostPort(host, port) : null;
    }

    /**
     * A path prefix such as {@code /bindery}, without a trailing slash, so that {@code /} is the
     * empty prefix; null unless it starts with a slash and holds only characters a path may hold
     * unescaped (no quotes, spaces, {@code ?} or {@code #}).
     */
    static String prefix(String value)
    {
        if (value == null || value.isEmpty() || value.charAt(0) != '/' || value.startsWith("//")) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isPathCharacter(value.charAt(i))) {
                return null;
            }
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(0, end);
    }

    private static boolean isIpv6(String text)
    {
        return text.indexOf(':') >= 0 && IpAddress.parse(text) != null;
    }

    /** Letters, digits, dots, hyphens and underscores: a DNS name or an IPv4 address. */
    private static boolean isHostName(String text)
    {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** 1 to 65535; -1 for anything else. */
    private static int port(String text)
    {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + c - '0';
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** RFC 3986 pchar and "/": unreserved, sub-delims, ":", "@", and "%" for escapes. */
    private static boolean isPathCharacter(char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@%/".indexOf(c) >= 0;
    }
}
