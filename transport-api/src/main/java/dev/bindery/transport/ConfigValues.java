package dev.bindery.transport;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/** Reads typed values from configuration, failing with a message that names the setting. */
public final class ConfigValues
{
    private ConfigValues() {}

    /**
     * A whole number from {@code min} to {@code max}; the file may hold it as a number or as text,
     * and an environment variable always gives text.
     *
     * @throws ConfigurationException naming the setting, the value and the range
     */
    public static int wholeNumber(Config config, Setting setting, int min, int max)
    {
        String accepted = "expected a whole number from " + min + " to " + max;
        int value;
        try {
            value = config.getInt(setting.key());
        }
        catch (ConfigException.WrongType e) {
            throw ConfigurationException.invalid(setting,
                    String.valueOf(config.getValue(setting.key()).unwrapped()), accepted);
        }
        if (value < min || value > max) {
            throw ConfigurationException.invalid(setting, String.valueOf(value), accepted);
        }
        return value;
    }
}
