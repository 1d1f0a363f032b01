package dev.bindery.app.config;

import dev.bindery.app.AppSettings;
import dev.bindery.app.proxy.ProxySettings;
import dev.bindery.transport.EndpointSettings;
import dev.bindery.transport.Setting;
import dev.bindery.transport.tcp.TcpSettings;
import dev.bindery.transport.uds.UnixSocketSettings;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every setting an environment variable can set, gathered from the lists each module keeps of its
 * own. A module that adds a setting adds it to its list, and it appears here.
 */
public final class SettingTable
{
    public static final List<Setting> ALL = Stream.of(
                    EndpointSettings.ALL,
                    TcpSettings.ALL,
                    UnixSocketSettings.ALL,
                    AppSettings.ALL,
                    ProxySettings.ALL)
            .flatMap(List::stream)
            .toList();

    private SettingTable() {}

    public static Optional<Setting> forKey(String key)
    {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }
}
