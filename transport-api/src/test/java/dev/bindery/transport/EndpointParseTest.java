package dev.bindery.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointParseTest
{
    @Test
    void emptyAddressListensOnEveryInterfaceOnThePort()
    {
        assertThat(Endpoint.parse("", "4000")).isEqualTo(new InetEndpoint(Optional.empty(), 4000));
        assertThat(Endpoint.parse(null, "8080")).isEqualTo(new InetEndpoint(Optional.empty(), 8080));
        assertThat(Endpoint.parse("  ", "4000").describe()).isEqualTo("[::]:4000");
    }

    @Test
    void ipv4LiteralListensOnThatAddress() throws Exception
    {
        Endpoint endpoint = Endpoint.parse("127.0.0.1", "4000");

        assertThat(endpoint).isEqualTo(InetEndpoint.of(InetAddress.getByName("127.0.0.1"), 4000));
        assertThat(endpoint.kind()).isEqualTo("tcp");
        assertThat(endpoint.describe()).isEqualTo("127.0.0.1:4000");
        assertThat(Endpoint.parse("0.0.0.0", "80").describe()).isEqualTo("0.0.0.0:80");
    }

    @ParameterizedTest
    @CsvSource({
            "::1, [::1]:4000",
            "[::1], [::1]:4000",
            "::, [::]:4000",
            "[::], [::]:4000",
            "fe80::1:0:0:2, [fe80::1:0:0:2]:4000",
            "2001:db8:0:0:1:0:0:1, [2001:db8::1:0:0:1]:4000",
            "::ffff:10.0.0.1, 10.0.0.1:4000",
    })
    void ipv6LiteralWithOrWithoutBracketsListensOnThatAddress(String address, String described)
    {
        assertThat(Endpoint.parse(address, "4000").describe()).isEqualTo(described);
    }

    @Test
    void absolutePathIsAUnixSocket()
    {
        Endpoint endpoint = Endpoint.parse("/run/bindery/http.sock", "4000");

        assertThat(endpoint).isEqualTo(new UnixSocketEndpoint(Path.of("/run/bindery/http.sock")));
        assertThat(endpoint.kind()).isEqualTo("unix");
        assertThat(endpoint.describe()).isEqualTo("unix:/run/bindery/http.sock");
    }

    @Test
    void unixPrefixAndAbsolutePathIsAUnixSocket()
    {
        assertThat(Endpoint.parse("unix:/tmp/b.sock", "4000"))
                .isEqualTo(new UnixSocketEndpoint(Path.of("/tmp/b.sock")));
    }

    @Test
    void portIsIgnoredForAUnixSocketEvenWhenInvalid()
    {
        // PORT is documented as unused for a socket; a stale PORT must not stop a socket deployment
        assertThat(Endpoint.parse("/tmp/b.sock", "not-a-port")).isInstanceOf(UnixSocketEndpoint.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "65535, 65535", "' 8080 ', 8080"})
    void portAcceptsZeroToMax(String port, int expected)
    {
        assertThat(((InetEndpoint) Endpoint.parse("127.0.0.1", port)).port()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "localhost            | host names are not resolved",
            "example.com          | host names are not resolved",
            "127.0.0.1:4000       | put the port in PORT",
            "[::1]:4000           | put the port in PORT",
            "run/bindery.sock     | must be absolute",
            "./bindery.sock       | must be absolute",
            "~/bindery.sock       | must be absolute",
            "unix:                | unix: needs an absolute path",
            "unix:relative.sock   | must be absolute",
            "/run/bindery/        | must name a file",
            "256.1.1.1            | not an IPv4 address",
            "127.1                | not an IPv4 address",
            "01.2.3.4             | not an IPv4 address",
            "[127.0.0.1]          | brackets hold an IPv6 address",
            "::g                  | expected empty",
            "1:2:3:4:5:6:7:8:9    | expected empty",
            "http://127.0.0.1     | expected empty",
    })
    void rejectsAnAddressNamingTheVariableAndWhatWorks(String address, String hint)
    {
        assertThatThrownBy(() -> Endpoint.parse(address, "4000"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Invalid HTTP_BINDING_ADDRESS (bindery.http.binding-address) value \""
                        + address + "\": ")
                .hasMessageContaining(hint)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "-1", "65536", "4000x", "abc", "1e3", "99999999999"})
    void rejectsAPortNamingTheVariableAndTheRange(String port)
    {
        assertThatThrownBy(() -> Endpoint.parse("", port))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid PORT (bindery.http.port) value \"" + port
                        + "\": expected a whole number from 0 to 65535 (0 lets the kernel choose)");
    }
}
