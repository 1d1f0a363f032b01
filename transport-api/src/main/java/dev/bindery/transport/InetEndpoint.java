package dev.bindery.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP address and port. An empty address means every interface, IPv4 and IPv6 together; port 0
 * lets the kernel choose.
 */
public record InetEndpoint(Optional<InetAddress> address, int port) implements Endpoint
{
    public InetEndpoint
    {
        if (address == null) {
            throw new NullPointerException("address is null: use Optional.empty() for every interface");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0 to 65535");
        }
    }

    public static InetEndpoint anyAddress(int port)
    {
        return new InetEndpoint(Optional.empty(), port);
    }

    public static InetEndpoint of(InetAddress address, int port)
    {
        return new InetEndpoint(Optional.of(address), port);
    }

    @Override
    public String kind()
    {
        return "tcp";
    }

    @Override
    public String describe()
    {
        return hostText() + ":" + port;
    }

    /** The host part as written in a URL authority: {@code 127.0.0.1}, {@code [::1]}, {@code [::]}. */
    public String hostText()
    {
        return address.map(InetEndpoint::literal).orElse("[::]");
    }

    static String literal(InetAddress address)
    {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            // getHostAddress spells out every group; show the short form an operator wrote
            return "[" + compress(text) + "]";
        }
        return text;
    }

    private static String compress(String full)
    {
        String zone = "";
        int percent = full.indexOf('%');
        if (percent >= 0) {
            zone = full.substring(percent);
            full = full.substring(0, percent);
        }
        String[] groups = full.split(":");
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        }

        // RFC 5952: the longest run of two or more zero groups becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = (j == i) ? i + 1 : j;
        }
        if (bestStart < 0) {
            return String.join(":", groups) + zone;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + zone;
    }
}
