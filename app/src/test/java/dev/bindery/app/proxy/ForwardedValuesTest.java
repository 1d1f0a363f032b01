package dev.bindery.app.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class ForwardedValuesTest
{
    @Test
    void takesTheItemThatGoesWithTheClientsHop()
    {
        // Appended by each proxy: as far from the right as the client's hop
        assertThat(ForwardedValues.aligned(List.of("https", "http"), 1)).isEqualTo("https");
        assertThat(ForwardedValues.aligned(List.of("https", "http"), 0)).isEqualTo("http");
        // Replaced by the proxy: the one item
        assertThat(ForwardedValues.aligned(List.of("https"), 3)).isEqualTo("https");
        assertThat(ForwardedValues.aligned(List.of(), 0)).isNull();
    }

    @Test
    void acceptsOnlyHttpAndHttpsAsSchemes()
    {
        assertThat(ForwardedValues.scheme("HTTPS")).isEqualTo("https");
        assertThat(ForwardedValues.scheme("http")).isEqualTo("http");
        assertThat(ForwardedValues.scheme("javascript")).isNull();
        assertThat(ForwardedValues.scheme(null)).isNull();
    }

    @Test
    void acceptsHostsWithPortsAndRefusesTheRest()
    {
        assertThat(ForwardedValues.host("example.com:8443")).hasToString("example.com:8443");
        assertThat(ForwardedValues.host("example.com")).hasToString("example.com");
        assertThat(ForwardedValues.host("[2001:db8::1]")).hasToString("[2001:db8::1]");
        assertThat(ForwardedValues.host("[2001:db8::1]:443")).hasToString("[2001:db8::1]:443");
        assertThat(ForwardedValues.host("203.0.113.9:80")).hasToString("203.0.113.9:80");
        assertThat(ForwardedValues.host("evil.com/path")).isNull();
        assertThat(ForwardedValues.host("example.com:")).isNull();
        assertThat(ForwardedValues.host("example.com:99999")).isNull();
        assertThat(ForwardedValues.host("example.com:0")).isNull();
        assertThat(ForwardedValues.host("[example.com]")).isNull();
        assertThat(ForwardedValues.host("[::1]x")).isNull();
        assertThat(ForwardedValues.host("a:b:c")).isNull();
        assertThat(ForwardedValues.host("user@example.com")).isNull();
        assertThat(ForwardedValues.host("a\"b")).isNull();
        assertThat(ForwardedValues.host("")).isNull();
    }

    @Test
    void acceptsPathPrefixesWithoutTheirTrailingSlash()
    {
        assertThat(ForwardedValues.prefix("/bindery")).isEqualTo("/bindery");
        assertThat(ForwardedValues.prefix("/bindery/")).isEqualTo("/bindery");
        assertThat(ForwardedValues.prefix("/")).isEmpty();
        assertThat(ForwardedValues.prefix("bindery")).isNull();
        assertThat(ForwardedValues.prefix("//evil.com")).isNull();
        assertThat(ForwardedValues.prefix("/a b")).isNull();
        assertThat(ForwardedValues.prefix("/a\"><script>")).isNull();
        assertThat(ForwardedValues.prefix("/a?b")).isNull();
    }
}
