package dev.bindery.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Setting;

import java.util.ArrayList;
import java.util.List;

/** Reads values of the shapes the settings records share, naming the setting when one is wrong. */
public final class SettingValues
{
    private static final String ACCEPTED_BOOLEAN = "expected true or false";

    private SettingValues() {}

    /**
     * Exactly {@code true} or {@code false}. Typesafe Config would also take yes, no, on and off;
     * one spelling is easier to check in a unit file or a compose file.
     */
    public static boolean strictBoolean(Config config, Setting setting)
    {
        ConfigValue value = config.hasPath(setting.key()) ? config.getValue(setting.key()) : null;
        if (value != null && value.valueType() == ConfigValueType.BOOLEAN) {
            return (Boolean) value.unwrapped();
        }
        String text = text(config, setting);
        if (value != null && value.valueType() == ConfigValueType.STRING
                && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw ConfigurationException.invalid(setting, text, ACCEPTED_BOOLEAN);
    }

    /**
     * A list of strings: a list in the file, or text separated by commas, as an environment
     * variable gives it. Blank entries are dropped, so an empty text is an empty list.
     */
    public static List<String> stringList(Config config, Setting setting, String accepted)
    {
        ConfigValue value = config.hasPath(setting.key()) ? config.getValue(setting.key()) : null;
        if (value == null) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        if (value.valueType() == ConfigValueType.LIST) {
            for (Object element : config.getList(setting.key()).unwrapped()) {
                if (!(element instanceof String)) {
                    throw ConfigurationException.invalid(setting, text(config, setting), accepted);
                }
                entries.addAll(split((String) element));
            }
            return entries;
        }
        if (value.valueType() == ConfigValueType.STRING) {
            return split((String) value.unwrapped());
        }
        throw ConfigurationException.invalid(setting, text(config, setting), accepted);
    }

    /** The value as the operator wrote it, for an error message; empty when unset. */
    public static String text(Config config, Setting setting)
    {
        if (!config.hasPath(setting.key())) {
            return "";
        }
        return String.valueOf(config.getValue(setting.key()).unwrapped());
    }

    private static List<String> split(String text)
    {
        List<String> entries = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String entry = text.substring(start, end).strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
            start = end + 1;
        }
        return entries;
    }
}
