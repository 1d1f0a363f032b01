package dev.bindery.transport;

import static java.util.Objects.requireNonNull;

/**
 * One configuration setting: its key in the configuration tree and the environment variable that
 * sets it. Errors name both, so an operator can fix whichever one they used.
 */
public record Setting(String key, String variable)
{
    public Setting
    {
        requireNonNull(key, "key is null");
        requireNonNull(variable, "variable is null");
    }

    @Override
    public String toString()
    {
        return variable + " (" + key + ")";
    }
}
