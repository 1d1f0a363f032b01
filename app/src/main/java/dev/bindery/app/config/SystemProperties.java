package dev.bindery.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.util.Map;
import java.util.Set;

/**
 * Turns {@code -Dbindery.*} system properties into a configuration layer. Other properties (the
 * JVM's own, Logback's) are not configuration, and {@code bindery.home} and
 * {@code bindery.cds-archive} belong to the launcher.
 */
final class SystemProperties
{
    private static final String PREFIX = "bindery.";
    private static final Set<String> LAUNCHER_PROPERTIES =
            Set.of(ConfigurationLoader.HOME_PROPERTY, "bindery.cds-archive");

    private SystemProperties() {}

    static Config layer(Map<String, String> properties, Config reference)
    {
        Config layer = ConfigFactory.empty();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            if (name.startsWith(PREFIX) && !LAUNCHER_PROPERTIES.contains(name)) {
                layer = EnvironmentVariables.withValue(layer, name, property.getValue(), reference,
                        "system property -D" + name);
            }
        }
        return layer;
    }
}
