package dev.bindery.app;

import static dev.bindery.app.JsonFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Map;

/** Forwarded headers from peers the configuration does not trust are never used. */
class ProxyHeadersFromUntrustedPeersTest
{
    private RunningApp app;
    private HttpClient fromElsewhere;

    @AfterEach
    void stop() throws Exception
    {
        if (fromElsewhere != null) {
            fromElsewhere.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void ignoresForwardedHeadersFromATcpPeerOutsideTheTrustedRanges() throws Exception
    {
        app = RunningApp.overTcp(Map.of("BINDERY_TRUSTED_PROXIES", "127.0.0.1/32"));
        // Another loopback address: the whole of 127.0.0.0/8 reaches this host on Linux
        fromElsewhere = new HttpClient();
        fromElsewhere.setBindAddress(new InetSocketAddress("127.0.0.2", 0));
        fromElsewhere.start();

        String json = app.get(fromElsewhere, "/api/status",
                "X-Forwarded-For", "203.0.113.9",
                "Forwarded", "for=198.51.100.1;proto=https;host=example.com",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "example.com",
                "X-Forwarded-Prefix", "/bindery").getContentAsString();

        assertThat(field(json, "clientAddress")).isEqualTo("127.0.0.2");
        assertThat(field(json, "scheme")).isEqualTo("http");
        assertThat(field(json, "host")).isEqualTo("127.0.0.1:" + app.base.getPort());
        assertThat(field(json, "prefix")).isEmpty();
        assertThat(field(json, "live"))
                .isEqualTo("ws://127.0.0.1:" + app.base.getPort() + "/live");
    }

    @Test
    void takesAHopOutsideTheTrustedRangesAsTheClient() throws Exception
    {
        app = RunningApp.overTcp(Map.of("BINDERY_TRUSTED_PROXIES", "127.0.0.1/32"));

        // From 127.0.0.1, trusted; 127.0.0.2 in the chain is not a proxy this server trusts
        String json = app.get("/api/status", "X-Forwarded-For", "203.0.113.9, 127.0.0.2")
                .getContentAsString();

        assertThat(field(json, "clientAddress")).isEqualTo("127.0.0.2");
    }

    @Test
    void ignoresForwardedHeadersFromEveryTcpPeerWhenTheListIsEmpty() throws Exception
    {
        app = RunningApp.overTcp(Map.of("BINDERY_TRUSTED_PROXIES", ""));

        String json = app.get("/api/status", "X-Forwarded-For", "203.0.113.9")
                .getContentAsString();

        assertThat(field(json, "clientAddress")).isEqualTo("127.0.0.1");
    }

    @Test
    void ignoresForwardedHeadersOnAUnixSocketWhenItsPeersAreNotTrusted() throws Exception
    {
        app = RunningApp.overUnixSocket(Map.of("BINDERY_TRUST_UNIX_SOCKET_PEERS", "false"));

        String json = app.get("/api/status",
                "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https").getContentAsString();

        assertThat(field(json, "clientAddress")).isEqualTo("null");
        assertThat(field(json, "scheme")).isEqualTo("http");
    }
}
