package dev.bindery.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindery.app.AppSettings;
import dev.bindery.app.proxy.AddressRange;
import dev.bindery.app.proxy.ProxySettings;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.EndpointSettings;
import dev.bindery.transport.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

class ConfigurationLoaderTest
{
    @TempDir
    Path home;

    @Test
    void takesEveryDefaultFromReferenceConf()
    {
        LoadedConfiguration loaded = load(Map.of(), Map.of());

        assertThat(loaded.config().getString("bindery.http.binding-address")).isEmpty();
        assertThat(loaded.config().getInt("bindery.http.port")).isEqualTo(4000);
        assertThat(AppSettings.fromConfig(loaded.config()))
                .isEqualTo(new AppSettings(Duration.ofSeconds(30), 16L * 1024 * 1024, false));
        ProxySettings proxies = ProxySettings.fromConfig(loaded.config());
        assertThat(proxies.trustedProxies()).extracting(AddressRange::toString)
                .containsExactly("127.0.0.0/8", "::1/128");
        assertThat(proxies.trustUnixSocketPeers()).isTrue();
        assertThat(loaded.sources().values()).containsOnly("default");
        assertThat(loaded.file()).isEmpty();
    }

    @Test
    void environmentBeatsFileBeatsReference() throws Exception
    {
        writeInstalledFile("bindery.http.port = 5000\nbindery.http.shutdown-grace = 5s\n");

        LoadedConfiguration loaded = load(Map.of("PORT", "6000"), Map.of("bindery.home", home.toString()));

        // PORT is in both: the environment wins; the grace is only in the file; the echo limit only in reference
        assertThat(loaded.config().getInt("bindery.http.port")).isEqualTo(6000);
        assertThat(loaded.config().getDuration("bindery.http.shutdown-grace")).isEqualTo(Duration.ofSeconds(5));
        assertThat(loaded.config().getBytes("bindery.app.echo-limit")).isEqualTo(16L * 1024 * 1024);
        assertThat(loaded.sourceOf("bindery.http.port")).isEqualTo("env PORT");
        assertThat(loaded.sourceOf("bindery.http.shutdown-grace")).isEqualTo("application.conf");
        assertThat(loaded.sourceOf("bindery.app.echo-limit")).isEqualTo("default");
    }

    @Test
    void systemPropertyBeatsEnvironment()
    {
        LoadedConfiguration loaded = load(Map.of("PORT", "6000"), Map.of("bindery.http.port", "7000"));

        assertThat(loaded.config().getInt("bindery.http.port")).isEqualTo(7000);
        assertThat(loaded.sourceOf("bindery.http.port")).isEqualTo("-D");
    }

    @Test
    void readsTheFileNamedByConfigFileInsteadOfTheInstalledOne() throws Exception
    {
        writeInstalledFile("bindery.http.port = 5000\n");
        Path other = Files.writeString(home.resolve("other.conf"), "bindery.http.port = 5500\n");

        LoadedConfiguration loaded = load(Map.of(),
                Map.of("bindery.home", home.toString(), "config.file", other.toString()));

        assertThat(loaded.config().getInt("bindery.http.port")).isEqualTo(5500);
        assertThat(loaded.file()).contains(other);
    }

    @Test
    void mapsEveryEnvironmentVariableToItsKey()
    {
        Map<String, String> values = Map.ofEntries(
                Map.entry("HTTP_BINDING_ADDRESS", "/run/bindery/http.sock"),
                Map.entry("PORT", "4100"),
                Map.entry("SOCKET_PERM", "666"),
                Map.entry("SOCKET_GROUP", "www"),
                Map.entry("BINDERY_UNIX_SOCKET_BACKLOG", "2048"),
                Map.entry("BINDERY_TCP_BACKLOG", "64"),
                Map.entry("BINDERY_SHUTDOWN_GRACE", "10s"),
                Map.entry("BINDERY_ECHO_LIMIT", "1MiB"),
                Map.entry("BINDERY_ACCESS_LOG", "true"),
                Map.entry("BINDERY_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"),
                Map.entry("BINDERY_TRUST_UNIX_SOCKET_PEERS", "false"));

        LoadedConfiguration loaded = load(values, Map.of());

        assertThat(SettingTable.ALL).extracting(Setting::variable).containsExactlyInAnyOrderElementsOf(values.keySet());
        for (Setting setting : SettingTable.ALL) {
            assertThat(loaded.config().getString(setting.key())).as(setting.toString())
                    .isEqualTo(values.get(setting.variable()));
            assertThat(loaded.sourceOf(setting.key())).isEqualTo("env " + setting.variable());
        }
    }

    @Test
    void readsTheNewHttpSettingsFromTheirVariables()
    {
        LoadedConfiguration loaded = load(Map.of(
                "BINDERY_ACCESS_LOG", "true",
                "BINDERY_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8,192.0.2.7",
                "BINDERY_TRUST_UNIX_SOCKET_PEERS", "false"), Map.of());

        assertThat(AppSettings.fromConfig(loaded.config()).accessLog()).isTrue();
        ProxySettings proxies = ProxySettings.fromConfig(loaded.config());
        assertThat(proxies.trustedProxies()).extracting(AddressRange::toString)
                .containsExactly("10.0.0.0/8", "fd00::/8", "192.0.2.7/32");
        assertThat(proxies.trustUnixSocketPeers()).isFalse();
    }

    @Test
    void trustsNoTcpPeerWhenTheListIsEmpty() throws Exception
    {
        assertThat(ProxySettings.fromConfig(load(Map.of("BINDERY_TRUSTED_PROXIES", ""), Map.of()).config())
                .trustedProxies()).isEmpty();

        writeInstalledFile("bindery.http.trusted-proxies = []\n");
        assertThat(ProxySettings.fromConfig(load(Map.of(), Map.of("bindery.home", home.toString())).config())
                .trustedProxies()).isEmpty();
    }

    @Test
    void readsTrustedProxiesAsAListFromTheFile() throws Exception
    {
        writeInstalledFile("bindery.http.trusted-proxies = [\"172.16.0.0/12\", \"::1\"]\n"
                + "bindery.http.access-log = true\n");

        LoadedConfiguration loaded = load(Map.of(), Map.of("bindery.home", home.toString()));

        assertThat(ProxySettings.fromConfig(loaded.config()).trustedProxies()).extracting(AddressRange::toString)
                .containsExactly("172.16.0.0/12", "::1/128");
        assertThat(AppSettings.fromConfig(loaded.config()).accessLog()).isTrue();
    }

    @Test
    void namesTheVariableOfABadTrustedProxy()
    {
        assertThatThrownBy(() -> ProxySettings.fromConfig(
                load(Map.of("BINDERY_TRUSTED_PROXIES", "127.0.0.0/8, 10.0.0.0/33"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Invalid BINDERY_TRUSTED_PROXIES (bindery.http.trusted-proxies) "
                        + "value \"10.0.0.0/33\": the prefix length after / must be a whole number from 0 to 32")
                .hasMessageContaining("such as 127.0.0.0/8, ::1/128, 10.1.2.3");
        assertThatThrownBy(() -> ProxySettings.fromConfig(
                load(Map.of("BINDERY_TRUSTED_PROXIES", "proxy.internal"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("value \"proxy.internal\": proxy.internal is not an IPv4 or IPv6 address");
    }

    @Test
    void namesTheVariableOfABadBoolean()
    {
        assertThatThrownBy(() -> AppSettings.fromConfig(load(Map.of("BINDERY_ACCESS_LOG", "yes"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid BINDERY_ACCESS_LOG (bindery.http.access-log) value \"yes\": expected true or false");
        assertThatThrownBy(() -> ProxySettings.fromConfig(
                load(Map.of("BINDERY_TRUST_UNIX_SOCKET_PEERS", "1"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid BINDERY_TRUST_UNIX_SOCKET_PEERS (bindery.http.trust-unix-socket-peers) "
                        + "value \"1\": expected true or false");
    }

    @Test
    void readsOnlyTheVariablesInTheTable()
    {
        LoadedConfiguration loaded = load(Map.of("HOME", "/root", "BINDERY_HTTP_PORT", "1"), Map.of());

        assertThat(loaded.sources().values()).containsOnly("default");
    }

    @Test
    void takesAnEmptySocketGroupAsUnset() throws Exception
    {
        writeInstalledFile("bindery.unix-socket.group = www\n");

        LoadedConfiguration loaded = load(Map.of("SOCKET_GROUP", ""), Map.of("bindery.home", home.toString()));

        assertThat(loaded.config().hasPath("bindery.unix-socket.group")).isFalse();
    }

    @Test
    void keepsAnEmptyBindingAddressAsEveryInterface() throws Exception
    {
        writeInstalledFile("bindery.http.binding-address = \"127.0.0.1\"\n");

        LoadedConfiguration loaded = load(Map.of("HTTP_BINDING_ADDRESS", ""), Map.of("bindery.home", home.toString()));

        assertThat(EndpointSettings.fromConfig(loaded.config()).describe()).isEqualTo("[::]:4000");
    }

    @Test
    void namesTheVariableOfABadValue()
    {
        assertThatThrownBy(() -> EndpointSettings.fromConfig(load(Map.of("HTTP_BINDING_ADDRESS", "bogus"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HTTP_BINDING_ADDRESS")
                .hasMessageContaining("bogus");
        assertThatThrownBy(() -> AppSettings.fromConfig(load(Map.of("BINDERY_SHUTDOWN_GRACE", "soon"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid BINDERY_SHUTDOWN_GRACE (bindery.http.shutdown-grace) value \"soon\": "
                        + "expected a duration from 0s to 1h, such as 30s, 500ms or 2m");
        assertThatThrownBy(() -> AppSettings.fromConfig(load(Map.of("BINDERY_ECHO_LIMIT", "lots"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("BINDERY_ECHO_LIMIT (bindery.app.echo-limit) value \"lots\"");
        assertThatThrownBy(() -> AppSettings.fromConfig(load(Map.of("BINDERY_ECHO_LIMIT", "2GiB"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("BINDERY_ECHO_LIMIT (bindery.app.echo-limit) value \"2GiB\"");
    }

    @Test
    void quotesAValueOutOfRangeAsTheOperatorWroteIt()
    {
        // Not as parsed: "PT2H" is nowhere in what the operator set
        assertThatThrownBy(() -> AppSettings.fromConfig(load(Map.of("BINDERY_SHUTDOWN_GRACE", "2h"), Map.of()).config()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid BINDERY_SHUTDOWN_GRACE (bindery.http.shutdown-grace) value \"2h\": "
                        + "expected a duration from 0s to 1h, such as 30s, 500ms or 2m");
    }

    @Test
    void refusesAnUnknownKeyInTheFileWithTheNearestKnownOne() throws Exception
    {
        writeInstalledFile("bindery.http {\n  prot = 5000\n}\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of("bindery.home", home.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown key bindery.http.prot in " + home.resolve("conf/application.conf") + " line 2")
                .hasMessageEndingWith("did you mean bindery.http.port?");
    }

    @Test
    void refusesAnUnknownBinderySystemPropertyButNotTheHomeDirectory()
    {
        assertThat(load(Map.of(), Map.of("bindery.home", home.toString(), "java.version", "17")).sources())
                .doesNotContainKey("bindery.home");

        assertThatThrownBy(() -> load(Map.of(), Map.of("bindery.app.echo-limt", "1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("did you mean bindery.app.echo-limit?");
    }

    @Test
    void namesAConfigFileThatIsMissing()
    {
        assertThatThrownBy(() -> load(Map.of(), Map.of("config.file", home.resolve("missing.conf").toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(home.resolve("missing.conf") + " named by -Dconfig.file does not exist");
    }

    @Test
    void namesAFileThatDoesNotParse() throws Exception
    {
        writeInstalledFile("bindery.http.port = {\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of("bindery.home", home.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Unable to read configuration file " + home.resolve("conf/application.conf"));
    }

    @Test
    void tabulatesEveryKeyWithItsSource()
    {
        String table = load(Map.of("PORT", "4100"), Map.of()).table();

        assertThat(table).contains("bindery.http.port", "= 4100", "(env PORT)", "bindery.app.echo-limit", "= 16MiB", "(default)");
        assertThat(table.lines().filter(line -> !line.isBlank()).count()).isEqualTo(SettingTable.ALL.size());
    }

    private LoadedConfiguration load(Map<String, String> environment, Map<String, String> properties)
    {
        return new ConfigurationLoader(new HashMap<>(environment), new HashMap<>(properties), getClass().getClassLoader()).load();
    }

    private void writeInstalledFile(String content) throws Exception
    {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/application.conf"), content);
    }
}
