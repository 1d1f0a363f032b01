package dev.bindery.app.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import dev.bindery.transport.ConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the configuration from four layers, highest first: {@code -D} system properties,
 * environment variables, the configuration file, and every module's {@code reference.conf}.
 *
 * <p>The environment and the system properties are parameters rather than read here, so that
 * tests can give their own without touching the process's.
 */
public final class ConfigurationLoader
{
    /** The installation directory, set by the launcher; {@code conf/application.conf} is read there. */
    public static final String HOME_PROPERTY = "bindery.home";
    /** Names a file to read instead of the installation's, as in Typesafe Config's own loader. */
    public static final String FILE_PROPERTY = "config.file";

    private static final String INSTALLED_FILE = "conf/application.conf";

    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final ClassLoader classLoader;

    public ConfigurationLoader(
            Map<String, String> environment,
            Map<String, String> systemProperties,
            ClassLoader classLoader)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.systemProperties = Map.copyOf(requireNonNull(systemProperties, "systemProperties is null"));
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
    }

    /** The loader for this process: its real environment and system properties. */
    public static ConfigurationLoader forThisProcess()
    {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().forEach((name, value) ->
                properties.put(String.valueOf(name), String.valueOf(value)));
        return new ConfigurationLoader(
                System.getenv(), properties, ConfigurationLoader.class.getClassLoader());
    }

    /**
     * Reads and merges every layer, and rejects keys no module knows.
     *
     * @throws ConfigurationException naming the file, key or variable at fault
     */
    public LoadedConfiguration load()
    {
        // Each layer on its own first, so the log can say where each value came from
        Config reference = ConfigFactory.parseResources(classLoader, "reference.conf");
        KnownKeys known = KnownKeys.of(reference, SettingTable.ALL);

        Optional<Path> file = configurationFile();
        Config fileLayer = file.map(ConfigurationLoader::parseFile).orElse(ConfigFactory.empty());
        file.ifPresent(path -> known.check(fileLayer, path.toString()));

        Config environmentLayer = EnvironmentVariables.layer(environment, reference);
        Config propertyLayer = SystemProperties.layer(systemProperties, reference);
        known.check(propertyLayer, "system properties");

        // Then merged, highest precedence first
        Config merged = propertyLayer
                .withFallback(environmentLayer)
                .withFallback(fileLayer)
                .withFallback(reference);
        Config resolved = resolve(merged);

        Map<String, String> sources = new LinkedHashMap<>();
        for (String key : known.all()) {
            sources.put(key, source(key, propertyLayer, environmentLayer, fileLayer, file));
        }
        return new LoadedConfiguration(resolved, sources, file);
    }

    /** The file {@code -Dconfig.file} names (which must exist), or the installation's (when it does). */
    private Optional<Path> configurationFile()
    {
        String named = systemProperties.get(FILE_PROPERTY);
        if (named != null) {
            Path path = Path.of(named).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new ConfigurationException("Configuration file " + path + " named by -D" + FILE_PROPERTY
                        + " does not exist or is not a regular file");
            }
            return Optional.of(path);
        }

        String home = systemProperties.get(HOME_PROPERTY);
        if (home != null) {
            Path path = Path.of(home).resolve(INSTALLED_FILE).toAbsolutePath().normalize();
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static Config parseFile(Path path)
    {
        try {
            return ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF)
                    .setAllowMissing(false));
        }
        catch (ConfigException e) {
            throw new ConfigurationException(
                    "Unable to read configuration file " + path + ": " + e.getMessage());
        }
    }

    private static Config resolve(Config merged)
    {
        // Only the variables in the setting table are read from the environment, so
        // substitutions such as ${?HOME} in the file do not look there either
        try {
            return merged.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
        }
        catch (ConfigException e) {
            throw new ConfigurationException("Unable to resolve the configuration: " + e.getMessage());
        }
    }

    private static String source(
            String key,
            Config properties,
            Config environment,
            Config fileLayer,
            Optional<Path> file)
    {
        if (properties.hasPathOrNull(key)) {
            return "-D";
        }
        if (environment.hasPathOrNull(key)) {
            return SettingTable.forKey(key).map(setting -> "env " + setting.variable()).orElse("environment");
        }
        if (fileLayer.hasPathOrNull(key)) {
            return file.map(path -> path.getFileName().toString()).orElse("file");
        }
        return "default";
    }
}
