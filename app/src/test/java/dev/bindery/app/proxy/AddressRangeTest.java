package dev.bindery.app.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest
{
    @Test
    void matchesIpv4Ranges()
    {
        AddressRange loopback = AddressRange.parse("127.0.0.0/8");
        AddressRange narrow = AddressRange.parse("192.168.1.64/27");

        assertThat(loopback.contains(address("127.0.0.1"))).isTrue();
        assertThat(loopback.contains(address("127.255.255.255"))).isTrue();
        assertThat(loopback.contains(address("128.0.0.1"))).isFalse();
        assertThat(narrow.contains(address("192.168.1.64"))).isTrue();
        assertThat(narrow.contains(address("192.168.1.95"))).isTrue();
        assertThat(narrow.contains(address("192.168.1.96"))).isFalse();
        assertThat(narrow.contains(address("192.168.1.63"))).isFalse();
    }

    @Test
    void matchesIpv6Ranges()
    {
        AddressRange documentation = AddressRange.parse("2001:db8::/32");
        AddressRange odd = AddressRange.parse("fd00::/7");

        assertThat(documentation.contains(address("2001:db8:ffff::1"))).isTrue();
        assertThat(documentation.contains(address("2001:db9::1"))).isFalse();
        assertThat(odd.contains(address("fc12::1"))).isTrue();
        assertThat(odd.contains(address("fe00::1"))).isFalse();
        assertThat(AddressRange.parse("::1/128").contains(address("::1"))).isTrue();
        assertThat(AddressRange.parse("::1/128").contains(address("::2"))).isFalse();
    }

    @Test
    void matchesIpv4MappedAddressesAgainstIpv4Ranges()
    {
        AddressRange loopback = AddressRange.parse("127.0.0.0/8");

        assertThat(loopback.contains(address("::ffff:127.0.0.1"))).isTrue();
        assertThat(loopback.contains(address("::ffff:10.0.0.1"))).isFalse();
        // Written as IPv6, the mapped block holds every IPv4 address and no other IPv6 address
        AddressRange everyIpv4 = AddressRange.parse("::ffff:0:0/96");
        assertThat(everyIpv4.contains(address("203.0.113.9"))).isTrue();
        assertThat(everyIpv4.contains(address("2001:db8::1"))).isFalse();
        // An IPv4 range never holds a real IPv6 address, even one ending in the same bits
        assertThat(loopback.contains(address("::127.0.0.1"))).isFalse();
    }

    @Test
    void takesASingleAddressAsItsOwnRange()
    {
        assertThat(AddressRange.parse("10.1.2.3")).hasToString("10.1.2.3/32");
        assertThat(AddressRange.parse("10.1.2.3").contains(address("10.1.2.3"))).isTrue();
        assertThat(AddressRange.parse("10.1.2.3").contains(address("10.1.2.4"))).isFalse();
        assertThat(AddressRange.parse("::1")).hasToString("::1/128");
    }

    @Test
    void matchesEverythingAtLengthZero()
    {
        assertThat(AddressRange.parse("0.0.0.0/0").contains(address("203.0.113.9"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(address("2001:db8::1"))).isFalse();
        assertThat(AddressRange.parse("::/0").contains(address("2001:db8::1"))).isTrue();
    }

    @Test
    void ignoresBitsPastTheLength()
    {
        assertThat(AddressRange.parse("10.1.2.3/8").contains(address("10.200.0.1"))).isTrue();
    }

    @Test
    void saysWhatIsWrongWithABadRange()
    {
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessage(
                "the prefix length after / must be a whole number from 0 to 32, not \"33\"");
        assertThatThrownBy(() -> AddressRange.parse("::1/129"))
                .hasMessageContaining("from 0 to 128");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/"))
                .hasMessageContaining("not \"\"");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/-1"))
                .hasMessageContaining("not \"-1\"");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/8/8"))
                .hasMessageContaining("not \"8/8\"");
        assertThatThrownBy(() -> AddressRange.parse("/8"))
                .hasMessage("the address before / is missing");
        assertThatThrownBy(() -> AddressRange.parse("proxy.example.com")).hasMessage(
                "proxy.example.com is not an IPv4 or IPv6 address (host names are not looked up)");
        assertThatThrownBy(() -> AddressRange.parse("300.0.0.0/8"))
                .hasMessageContaining("300.0.0.0 is not");
    }

    private static IpAddress address(String text)
    {
        IpAddress address = IpAddress.parse(text);
        assertThat(address).as(text).isNotNull();
        return address;
    }
}
