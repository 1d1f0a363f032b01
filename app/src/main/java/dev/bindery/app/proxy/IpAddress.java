package dev.bindery.app.proxy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address, held as 16 bytes: an IPv4 address as its IPv4-mapped IPv6 form
 * ({@code ::ffff:a.b.c.d}), so that one comparison serves both families and a mapped address
 * matches the IPv4 range it belongs to.
 *
 * <p>Parsing reads literals only and never asks DNS: {@link InetAddress#getByName} would look up
 * anything that is not a literal, which a header value or a setting must never cause.
 */
public final class IpAddress
{
    static final int BYTES = 16;
    // The bytes 0 to 9 are zero and 10, 11 are 0xff in an IPv4-mapped address
    private static final int MAPPED_PREFIX = 12;

    private final byte[] bytes;

    private IpAddress(byte[] bytes)
    {
        this.bytes = bytes;
    }

    /** The address a literal such as {@code 203.0.113.9} or {@code 2001:db8::1} names, or null. */
    public static IpAddress parse(String text)
    {
        byte[] bytes = new byte[BYTES];
        boolean parsed = text.indexOf(':') >= 0
                ? parseIpv6(text, bytes)
                : parseIpv4(text, 0, text.length(), bytes, MAPPED_PREFIX) && mapIpv4(bytes);
        return parsed ? new IpAddress(bytes) : null;
    }

    public static IpAddress of(InetAddress address)
    {
        byte[] raw = address.getAddress();
        if (raw.length == BYTES) {
            return new IpAddress(raw);
        }
        byte[] bytes = new byte[BYTES];
        System.arraycopy(raw, 0, bytes, MAPPED_PREFIX, raw.length);
        mapIpv4(bytes);
        return new IpAddress(bytes);
    }

    public boolean isIpv4()
    {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** The JDK's address, made without a lookup. */
    public InetAddress toInetAddress()
    {
        try {
            byte[] raw = isIpv4()
                    ? Arrays.copyOfRange(bytes, MAPPED_PREFIX, BYTES)
                    : bytes.clone();
            return InetAddress.getByAddress(raw);
        }
        catch (UnknownHostException e) {
            // Only thrown for a length other than 4 or 16
            throw new IllegalStateException(e);
        }
    }

    int byteAt(int index)
    {
        return bytes[index] & 0xff;
    }

    /**
     * Dotted for IPv4 ({@code 127.0.0.1}); for IPv6 the short form of RFC 5952 ({@code ::1},
     * {@code 2001:db8::1}), where the JDK would write every group ({@code 0:0:0:0:0:0:0:1}).
     */
    @Override
    public String toString()
    {
        if (isIpv4()) {
            return byteAt(12) + "." + byteAt(13) + "." + byteAt(14) + "." + byteAt(15);
        }

        // The longest run of two or more zero groups becomes "::"; the first one on a tie
        int bestStart = -1;
        int bestLength = 1;
        for (int group = 0; group < 8; ) {
            int length = 0;
            while (group + length < 8 && group(group + length) == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = group;
                bestLength = length;
            }
            group += Math.max(length, 1);
        }

        StringBuilder text = new StringBuilder(39);
        for (int group = 0; group < 8; group++) {
            if (group == bestStart) {
                text.append("::");
                group += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group(group)));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(bytes);
    }

    private int group(int index)
    {
        return byteAt(2 * index) << 8 | byteAt(2 * index + 1);
    }

    private static boolean mapIpv4(byte[] bytes)
    {
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        return true;
    }

    /** Four decimal parts from 0 to 255, without leading zeros (which some read as octal). */
    private static boolean parseIpv4(String text, int from, int to, byte[] out, int offset)
    {
        int part = 0;
        int position = from;
        while (part < 4) {
            int start = position;
            int value = 0;
            while (position < to && position - start < 3 && isDigit(text.charAt(position))) {
                value = value * 10 + text.charAt(position) - '0';
                position++;
            }
            int digits = position - start;
            if (digits == 0 || value > 255 || digits > 1 && text.charAt(start) == '0') {
                return false;
            }
            out[offset + part] = (byte) value;
            part++;
            if (part < 4) {
                if (position >= to || text.charAt(position) != '.') {
                    return false;
                }
                position++;
            }
        }
        return position == to;
    }

    /** Eight groups of hex, one run of them shortened to "::", the last two perhaps as IPv4. */
    private static boolean parseIpv6(String text, byte[] out)
    {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }

        int[] groups = new int[8];
        if (gap < 0) {
            return parseGroups(text, 0, text.length(), groups, 0) == 8 && write(groups, out);
        }
        int head = parseGroups(text, 0, gap, groups, 0);
        if (head < 0) {
            return false;
        }
        int[] tailGroups = new int[8];
        int tail = parseGroups(text, gap + 2, text.length(), tailGroups, 0);
        if (tail < 0 || head + tail > 7) {
            return false;
        }
        System.arraycopy(tailGroups, 0, groups, 8 - tail, tail);
        return write(groups, out);
    }

    /**
     * Reads colon-separated hex groups between {@code from} and {@code to}; an IPv4 part may end
     * them and counts as two groups.
     *
     * @return how many groups were read, or -1 when the text is not a list of groups
     */
    private static int parseGroups(String text, int from, int to, int[] groups, int count)
    {
        if (from == to) {
            return count;
        }
        int position = from;
        while (true) {
            int start = position;
            int value = 0;
            while (position < to && position - start < 4 && isHex(text.charAt(position))) {
                value = value << 4 | Character.digit(text.charAt(position), 16);
                position++;
            }
            if (position < to && text.charAt(position) == '.') {
                // The last part is IPv4: it fills two groups
                byte[] ipv4 = new byte[4];
                if (count > 6 || !parseIpv4(text, start, to, ipv4, 0)) {
                    return -1;
                }
                groups[count++] = (ipv4[0] & 0xff) << 8 | ipv4[1] & 0xff;
                groups[count++] = (ipv4[2] & 0xff) << 8 | ipv4[3] & 0xff;
                return count;
            }
            if (position == start || count == 8) {
                return -1;
            }
            groups[count++] = value;
            if (position == to) {
                return count;
            }
            if (text.charAt(position) != ':' || position + 1 == to) {
                return -1;
            }
            position++;
        }
    }

    private static boolean write(int[] groups, byte[] out)
    {
        for (int i = 0; i < groups.length; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return true;
    }

    private static boolean isHex(char c)
    {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }
}
