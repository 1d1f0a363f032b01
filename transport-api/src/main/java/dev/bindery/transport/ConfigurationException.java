package dev.bindery.transport;

/**
 * A setting holds a value that cannot work. The message is one line naming the setting, the value
 * given and what would be accepted; the platform exits with status 78 ({@code EX_CONFIG}) on it.
 */
public class ConfigurationException extends RuntimeException
{
    public ConfigurationException(String message)
    {
        super(message);
    }

    public static ConfigurationException invalid(Setting setting, String value, String accepted)
    {
        return new ConfigurationException(
                "Invalid " + setting + " value \"" + value + "\": " + accepted);
    }
}
