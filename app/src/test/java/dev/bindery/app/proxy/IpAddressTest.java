package dev.bindery.app.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

class IpAddressTest
{
    @Test
    void readsAndWritesIpv4()
    {
        assertThat(IpAddress.parse("203.0.113.9")).hasToString("203.0.113.9");
        assertThat(IpAddress.parse("0.0.0.0")).hasToString("0.0.0.0");
        assertThat(IpAddress.parse("255.255.255.255").isIpv4()).isTrue();
    }

    @Test
    void writesIpv6InTheShortFormOfRfc5952()
    {
        assertThat(IpAddress.parse("2001:0db8:0000:0000:0000:0000:0000:0001"))
                .hasToString("2001:db8::1");
        assertThat(IpAddress.parse("0:0:0:0:0:0:0:1")).hasToString("::1");
        assertThat(IpAddress.parse("::")).hasToString("::");
        assertThat(IpAddress.parse("2001:DB8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        // A single zero group stays; the longer run of zeros is the one shortened
        assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.parse("1:0:0:2:0:0:0:3")).hasToString("1:0:0:2::3");
        assertThat(IpAddress.parse("fe80::")).hasToString("fe80::");
        assertThat(IpAddress.parse("1::")).hasToString("1::");
    }

    @Test
    void takesAnIpv4MappedAddressAsIpv4()
    {
        IpAddress mapped = IpAddress.parse("::ffff:127.0.0.1");

        assertThat(mapped.isIpv4()).isTrue();
        assertThat(mapped).isEqualTo(IpAddress.parse("127.0.0.1")).hasToString("127.0.0.1");
        assertThat(IpAddress.parse("::ffff:7f00:1")).isEqualTo(mapped);
    }

    @Test
    void agreesWithTheJdkOnItsOwnAddresses() throws Exception
    {
        // Literals only, so the JDK looks nothing up either
        assertThat(IpAddress.of(InetAddress.getByName("127.0.0.1")))
                .isEqualTo(IpAddress.parse("127.0.0.1"));
        assertThat(IpAddress.of(InetAddress.getByName("::1"))).isEqualTo(IpAddress.parse("::1"));
        assertThat(IpAddress.parse("2001:db8::1").toInetAddress())
                .isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(IpAddress.parse("10.1.2.3").toInetAddress())
                .isEqualTo(InetAddress.getByName("10.1.2.3"));
    }

    @Test
    void refusesWhatIsNotALiteralWithoutAskingDns()
    {
        String[] notLiterals = {"", "localhost", "example.com", "unknown", "_hidden",
                "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4", "1..3.4",
                "١.٢.٣.٤", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "12345::", "g::1",
                "::1%lo", "[::1]", "1:2:3:4:5:6:7:1.2.3.4", ":1::", "1:"};
        for (String text : notLiterals) {
            assertThat(IpAddress.parse(text)).as(text).isNull();
        }
    }
}
