package dev.bindery.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reads {@code HTTP_BINDING_ADDRESS} and {@code PORT} as DESIGN.md's table defines them. */
final class EndpointParser
{
    private static final String UNIX_PREFIX = "unix:";
    private static final String ACCEPTED_ADDRESS =
            "expected empty (every interface), an IPv4 or IPv6 address such as 127.0.0.1 or ::1, "
                    + "or an absolute socket path such as /run/bindery/http.sock or unix:/run/bindery/http.sock";
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
    private static final Pattern HOST_WITH_PORT = Pattern.compile("(.*):(\\d+)");

    private EndpointParser() {}

    static Endpoint parse(String bindingAddress, String port)
    {
        String address = bindingAddress == null ? "" : bindingAddress.strip();

        if (address.startsWith(UNIX_PREFIX)) {
            return unixSocket(address, address.substring(UNIX_PREFIX.length()));
        }
        if (address.startsWith("/")) {
            return unixSocket(address, address);
        }

        int portNumber = parsePort(port);
        if (address.isEmpty()) {
            return InetEndpoint.anyAddress(portNumber);
        }
        return InetEndpoint.of(ipLiteral(address), portNumber);
    }

    private static Endpoint unixSocket(String value, String path)
    {
        if (path.isEmpty()) {
            throw invalidAddress(value, "unix: needs an absolute path after it, such as unix:/run/bindery/http.sock");
        }
        if (!path.startsWith("/")) {
            throw invalidAddress(value, "a socket path must be absolute, such as /run/bindery/http.sock");
        }
        if (path.endsWith("/")) {
            throw invalidAddress(value, "a socket path must name a file, not a directory; add a file name such as http.sock");
        }
        try {
            return new UnixSocketEndpoint(Path.of(path));
        }
        catch (InvalidPathException e) {
            throw invalidAddress(value, "not a usable path (" + e.getReason() + ")");
        }
    }

    private static InetAddress ipLiteral(String address)
    {
        if (address.startsWith("[") && address.endsWith("]")) {
            String inner = address.substring(1, address.length() - 1);
            if (!inner.contains(":")) {
                throw invalidAddress(address, "brackets hold an IPv6 address, such as [::1]");
            }
            return ipv6(address, inner);
        }
        if (IPV4.matcher(address).matches()) {
            return resolveLiteral(address, address);
        }
        if (address.startsWith("[") && address.contains("]:")) {
            throw invalidAddress(address, "put the port in PORT, not in the address; for example [::1] and PORT=4000");
        }
        if (address.indexOf(':') == address.lastIndexOf(':') && HOST_WITH_PORT.matcher(address).matches()) {
            throw invalidAddress(address, "put the port in PORT, not in the address; for example 127.0.0.1 and PORT=4000");
        }
        if (address.contains(":")) {
            return ipv6(address, address);
        }
        if (address.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw invalidAddress(address, "not an IPv4 address; write four numbers from 0 to 255, such as 127.0.0.1");
        }
        if (address.startsWith("~") || address.startsWith(".") || address.contains("/")) {
            throw invalidAddress(address, "a socket path must be absolute, such as /run/bindery/http.sock");
        }
        throw invalidAddress(address, "host names are not resolved; use an IP address such as 127.0.0.1 or ::1, "
                + "or an absolute socket path");
    }

    private static InetAddress ipv6(String value, String literal)
    {
        // Only hex digits, colons, dots (embedded IPv4) and a zone id make a literal; checking first
        // keeps InetAddress from treating the text as a host name to look up.
        if (!literal.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?") || !literal.contains(":")) {
            throw invalidAddress(value, ACCEPTED_ADDRESS);
        }
        return resolveLiteral(value, literal);
    }

    private static InetAddress resolveLiteral(String value, String literal)
    {
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException e) {
            throw invalidAddress(value, ACCEPTED_ADDRESS);
        }
    }

    private static int parsePort(String port)
    {
        String text = port == null ? "" : port.strip();
        if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) > 65535) {
            throw ConfigurationException.invalid(EndpointSettings.PORT, text,
                    "expected a whole number from 0 to 65535 (0 lets the kernel choose)");
        }
        return Integer.parseInt(text);
    }

    private static ConfigurationException invalidAddress(String value, String accepted)
    {
        return ConfigurationException.invalid(EndpointSettings.BINDING_ADDRESS, value, accepted);
    }
}
