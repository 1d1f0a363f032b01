package dev.bindery.app.proxy;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.List;

/**
 * Who may tell the server where a request came from. A direct peer is trusted when it connected
 * over a Unix socket (and such peers are trusted at all: the socket file's permissions already
 * decide who they can be), or over TCP from an address in one of the ranges. A hop named in a
 * forwarded header is trusted when its address is in one of the ranges.
 */
public final class TrustedProxies
{
    private final List<AddressRange> ranges;
    private final boolean unixSocketPeers;

    public TrustedProxies(List<AddressRange> ranges, boolean unixSocketPeers)
    {
        this.ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
        this.unixSocketPeers = unixSocketPeers;
    }

    /** Whether the process at the other end of the connection may send forwarded headers. */
    public boolean trustsPeer(SocketAddress remote)
    {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() != null && trusts(IpAddress.of(inet.getAddress()));
        }
        return remote instanceof UnixDomainSocketAddress && unixSocketPeers;
    }

    public boolean trusts(IpAddress address)
    {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString()
    {
        return "TrustedProxies" + ranges + (unixSocketPeers ? " and Unix socket peers" : "");
    }
}
