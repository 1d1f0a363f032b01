package dev.bindery.app.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The merged configuration, where each known key's value came from, and the file read, if any.
 *
 * @param sources for each known key: {@code default}, the file's name, {@code env VARIABLE} or
 *         {@code -Dkey}
 */
public record LoadedConfiguration(Config config, Map<String, String> sources, Optional<Path> file)
{
    public LoadedConfiguration
    {
        requireNonNull(config, "config is null");
        sources = Map.copyOf(requireNonNull(sources, "sources is null"));
        requireNonNull(file, "file is null");
    }

    /** Where the value of a key came from. */
    public String sourceOf(String key)
    {
        return sources.getOrDefault(key, "default");
    }

    /**
     * A key's value for the log: {@code 4000}, {@code 0660}, {@code ""} when empty, {@code null}
     * when unset.
     */
    public String render(String key)
    {
        if (!config.hasPath(key)) {
            // Absent, or null as a setting that defaults to unset is
            return "null";
        }
        ConfigValue value = config.getValue(key);
        if (value.valueType() == ConfigValueType.STRING) {
            String text = (String) value.unwrapped();
            return text.isEmpty() ? "\"\"" : text;
        }
        return value.render(ConfigRenderOptions.concise());
    }

    /**
     * The effective configuration as a compact table for the log, one key a line in key order:
     * {@code bindery.http.port = 4000  (env PORT)}.
     */
    public String table()
    {
        int keyWidth = sources.keySet().stream().mapToInt(String::length).max().orElse(0);
        int valueWidth = sources.keySet().stream().mapToInt(key -> render(key).length()).max().orElse(0);
        StringBuilder table = new StringBuilder();
        sources.keySet().stream().sorted().forEach(key -> table
                .append(System.lineSeparator())
                .append("  ")
                .append(pad(key, keyWidth))
                .append(" = ")
                .append(pad(render(key), valueWidth))
                .append("  (")
                .append(sourceOf(key))
                .append(')'));
        return table.toString();
    }

    private static String pad(String text, int width)
    {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
