package dev.bindery.app.proxy;

/**
 * A block of addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or
 * a single address. An IPv4 block also holds the IPv4-mapped IPv6 forms of its addresses
 * ({@code ::ffff:10.1.2.3}), which a dual-stack listener or a proxy may report.
 */
public final class AddressRange
{
    private final IpAddress network;
    // Counted over all 16 bytes: an IPv4 /8 is /104 here
    private final int prefixLength;
    private final String text;

    private AddressRange(IpAddress network, int prefixLength, String text)
    {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address} or {@code address/length}: length 0 to 32 for IPv4, 0 to 128 for
     * IPv6; without one, the single address. Bits set past the length are ignored, so
     * {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static AddressRange parse(String text)
    {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        IpAddress address = IpAddress.parse(addressText);
        if (address == null) {
            throw new IllegalArgumentException(addressText.isEmpty()
                    ? "the address before / is missing"
                    : addressText + " is not an IPv4 or IPv6 address"
                            + " (host names are not looked up)");
        }

        // As written: ::ffff:0:0/96 is IPv6 notation for every IPv4 address
        int widest = addressText.indexOf(':') < 0 ? 32 : 128;
        int length = slash < 0 ? widest : prefixLength(text.substring(slash + 1), widest);
        int fullLength = length + (IpAddress.BYTES * 8 - widest);
        String canonical = address + "/" + length;
        return new AddressRange(address, fullLength, canonical);
    }

    public boolean contains(IpAddress address)
    {
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (address.byteAt(i) != network.byteAt(i)) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (address.byteAt(whole) & mask) == (network.byteAt(whole) & mask);
    }

    /** As given, with the length made explicit: {@code 127.0.0.0/8}, {@code ::1/128}. */
    @Override
    public String toString()
    {
        return text;
    }

    private static int prefixLength(String text, int widest)
    {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || i >= 3) {
                length = -1;
                break;
            }
            length = length * 10 + c - '0';
        }
        if (text.isEmpty() || length < 0 || length > widest) {
            throw new IllegalArgumentException("the prefix length after / must be a whole number "
                    + "from 0 to " + widest + ", not \"" + text + "\"");
        }
        return length;
    }
}
