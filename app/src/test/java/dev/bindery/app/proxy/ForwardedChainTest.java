package dev.bindery.app.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindery.app.proxy.ForwardedChain.Hop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class ForwardedChainTest
{
    private static final TrustedProxies LOOPBACK = new TrustedProxies(
            List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1/128")), true);

    @Test
    void readsTheHopsOfXForwardedFor()
    {
        List<Hop> hops = new ArrayList<>();
        ForwardedChain.addForwardedFor("6.6.6.6, 203.0.113.9,,127.0.0.1", hops);

        assertThat(hops).extracting(Hop::node)
                .containsExactly("6.6.6.6", "203.0.113.9", "127.0.0.1");
    }

    @Test
    void readsTheElementsOfForwarded()
    {
        List<Hop> hops = new ArrayList<>();
        ForwardedChain.addForwarded("for=192.0.2.43;proto=http, For=\"[2001:db8:cafe::17]:4711\";"
                + "PROTO=https;host=example.com;by=10.0.0.1 ,for=unknown", hops);

        assertThat(hops).containsExactly(
                new Hop("192.0.2.43", "http", null),
                new Hop("[2001:db8:cafe::17]:4711", "https", "example.com"),
                new Hop("unknown", null, null));
    }

    @Test
    void keepsCommasAndSemicolonsInsideQuotedValues()
    {
        List<Hop> hops = new ArrayList<>();
        ForwardedChain.addForwarded("for=\"a,b;c\";host=\"x\\\"y\", for=10.0.0.1", hops);

        assertThat(hops).containsExactly(
                new Hop("a,b;c", null, "x\"y"),
                new Hop("10.0.0.1", null, null));
    }

    @Test
    void keepsAnElementWithoutForAsAnUnknownHop()
    {
        List<Hop> hops = new ArrayList<>();
        ForwardedChain.addForwarded("for=203.0.113.9, proto=https, garbage", hops);

        assertThat(hops).containsExactly(
                new Hop("203.0.113.9", null, null),
                new Hop(null, "https", null),
                new Hop(null, null, null));
    }

    @Test
    void takesTheRightmostUntrustedHopAsTheClient()
    {
        assertThat(clientOf("6.6.6.6, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(clientOf("6.6.6.6, 203.0.113.9, 127.0.0.1, ::1")).isEqualTo("203.0.113.9");
        // A trusted hop left of an untrusted one is the client's claim and is passed over
        assertThat(clientOf("127.0.0.1, 203.0.113.9, 127.0.0.2")).isEqualTo("203.0.113.9");
        // Every hop trusted: the leftmost
        assertThat(clientOf("127.0.0.3, 127.0.0.2, ::1")).isEqualTo("127.0.0.3");
        // A name that is no address cannot be a trusted proxy
        assertThat(clientOf("203.0.113.9, unknown, 127.0.0.1")).isEqualTo("unknown");
    }

    @Test
    void readsAddressesWithPortsAndBrackets()
    {
        assertThat(ForwardedChain.address("192.0.2.43:47011")).hasToString("192.0.2.43");
        assertThat(ForwardedChain.address("[2001:db8::1]:4711")).hasToString("2001:db8::1");
        assertThat(ForwardedChain.address("[2001:db8::1]")).hasToString("2001:db8::1");
        assertThat(ForwardedChain.address("2001:db8::1")).hasToString("2001:db8::1");
        assertThat(ForwardedChain.address("_hidden")).isNull();
        assertThat(ForwardedChain.address(null)).isNull();
    }

    @Test
    void reportsOnlyPlainNamesAsTheyAre()
    {
        assertThat(ForwardedChain.name("_hidden")).isEqualTo("_hidden");
        assertThat(ForwardedChain.name("unix:")).isEqualTo("unix:");
        assertThat(ForwardedChain.name("1.2.3.4 - - [forged]")).isEqualTo("unknown");
        assertThat(ForwardedChain.name("x".repeat(65))).isEqualTo("unknown");
        assertThat(ForwardedChain.name(null)).isEqualTo("unknown");
    }

    private static String clientOf(String forwardedFor)
    {
        List<Hop> hops = new ArrayList<>();
        ForwardedChain.addForwardedFor(forwardedFor, hops);
        String node = hops.get(ForwardedChain.clientIndex(hops, LOOPBACK)).node();
        IpAddress address = ForwardedChain.address(node);
        return address != null ? address.toString() : node;
    }
}
