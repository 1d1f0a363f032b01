package dev.bindery.app.proxy;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import dev.bindery.app.config.SettingValues;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Setting;

import java.util.ArrayList;
import java.util.List;

/**
 * Which peers may send forwarded headers. The defaults live in this module's
 * {@code reference.conf}.
 *
 * @param trustedProxies the TCP peers, and the hops named in forwarded headers, whose word is
 *         taken
 * @param trustUnixSocketPeers whether every peer of a Unix socket is taken at its word
 */
public record ProxySettings(List<AddressRange> trustedProxies, boolean trustUnixSocketPeers)
{
    public static final Setting TRUSTED_PROXIES =
            new Setting("bindery.http.trusted-proxies", "BINDERY_TRUSTED_PROXIES");
    public static final Setting TRUST_UNIX_SOCKET_PEERS =
            new Setting("bindery.http.trust-unix-socket-peers", "BINDERY_TRUST_UNIX_SOCKET_PEERS");

    public static final List<Setting> ALL = List.of(TRUSTED_PROXIES, TRUST_UNIX_SOCKET_PEERS);

    private static final String ACCEPTED_PROXIES = "expected IPv4 or IPv6 addresses and CIDR "
            + "ranges separated by commas, such as 127.0.0.0/8, ::1/128, 10.1.2.3 (or empty for none)";

    public ProxySettings
    {
        trustedProxies = List.copyOf(requireNonNull(trustedProxies, "trustedProxies is null"));
    }

    /**
     * Reads every setting eagerly.
     *
     * @throws ConfigurationException naming the setting and the entry at fault
     */
    public static ProxySettings fromConfig(Config config)
    {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : SettingValues.stringList(config, TRUSTED_PROXIES, ACCEPTED_PROXIES)) {
            ranges.add(range(entry));
        }
        boolean unixSocketPeers = SettingValues.strictBoolean(config, TRUST_UNIX_SOCKET_PEERS);
        return new ProxySettings(ranges, unixSocketPeers);
    }

    public TrustedProxies trust()
    {
        return new TrustedProxies(trustedProxies, trustUnixSocketPeers);
    }

    private static AddressRange range(String entry)
    {
        try {
            return AddressRange.parse(entry);
        }
        catch (IllegalArgumentException e) {
            throw ConfigurationException.invalid(TRUSTED_PROXIES, entry,
                    e.getMessage() + "; " + ACCEPTED_PROXIES);
        }
    }
}
