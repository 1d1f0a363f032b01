package dev.bindery.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.bindery.transport.Setting;

import java.util.Map;

/**
 * Turns the environment into a configuration layer. Only the variables in {@link SettingTable}
 * are read: the environment of a server holds much else, none of it meant for us.
 */
final class EnvironmentVariables
{
    private EnvironmentVariables() {}

    static Config layer(Map<String, String> environment, Config reference)
    {
        Config layer = ConfigFactory.empty();
        for (Setting setting : SettingTable.ALL) {
            String value = environment.get(setting.variable());
            if (value != null) {
                String origin = "environment variable " + setting.variable();
                layer = withValue(layer, setting.key(), value, reference, origin);
            }
        }
        return layer;
    }

    /**
     * Sets one key from text. An empty value for a key that has no default (such as
     * {@code SOCKET_GROUP}) leaves it unset: compose files and systemd units pass an unset
     * variable as an empty one, and an empty group name means nothing.
     */
    static Config withValue(Config layer, String key, String value, Config reference, String origin)
    {
        boolean optional = !reference.hasPath(key);
        Object setTo = value.isEmpty() && optional ? null : value;
        return layer.withValue(key, ConfigValueFactory.fromAnyRef(setTo, origin));
    }
}
