package dev.bindery.app;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.bindery.app.config.SettingValues;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Setting;

import java.time.Duration;
import java.util.List;

/**
 * The application's own settings. The defaults live in this module's {@code reference.conf}.
 *
 * @param shutdownGrace how long in-flight requests may run on after SIGTERM or SIGINT before the
 *         server closes them
 * @param echoLimit the largest body {@code POST /api/echo} sends back, in bytes
 * @param accessLog whether each request is logged through {@code bindery.access}
 */
public record AppSettings(Duration shutdownGrace, long echoLimit, boolean accessLog)
{
    public static final Setting SHUTDOWN_GRACE =
            new Setting("bindery.http.shutdown-grace", "BINDERY_SHUTDOWN_GRACE");
    public static final Setting ECHO_LIMIT =
            new Setting("bindery.app.echo-limit", "BINDERY_ECHO_LIMIT");
    public static final Setting ACCESS_LOG =
            new Setting("bindery.http.access-log", "BINDERY_ACCESS_LOG");

    public static final List<Setting> ALL = List.of(SHUTDOWN_GRACE, ECHO_LIMIT, ACCESS_LOG);

    // The echo handler holds a body in one array, so it cannot take more than an array holds
    private static final long LARGEST_ECHO_LIMIT = 1L << 30;
    private static final Duration LONGEST_GRACE = Duration.ofHours(1);

    private static final String ACCEPTED_GRACE =
            "expected a duration from 0s to 1h, such as 30s, 500ms or 2m";
    private static final String ACCEPTED_LIMIT =
            "expected a size from 0 to 1 GiB, such as 16MiB, 512KiB or 1048576";

    public AppSettings
    {
        requireNonNull(shutdownGrace, "shutdownGrace is null");
        if (!isAcceptedGrace(shutdownGrace)) {
            throw ConfigurationException.invalid(SHUTDOWN_GRACE, shutdownGrace.toString(), ACCEPTED_GRACE);
        }
        if (!isAcceptedEchoLimit(echoLimit)) {
            throw ConfigurationException.invalid(ECHO_LIMIT, String.valueOf(echoLimit), ACCEPTED_LIMIT);
        }
    }

    /**
     * Reads every setting eagerly.
     *
     * @throws ConfigurationException naming the setting at fault
     */
    public static AppSettings fromConfig(Config config)
    {
        Duration grace = duration(config, SHUTDOWN_GRACE);
        long limit = bytes(config, ECHO_LIMIT);
        boolean accessLog = SettingValues.strictBoolean(config, ACCESS_LOG);

        // Checked here too, so that the error quotes the value as written (2h), not as parsed (PT2H)
        if (!isAcceptedGrace(grace)) {
            throw ConfigurationException.invalid(SHUTDOWN_GRACE, SettingValues.text(config, SHUTDOWN_GRACE),
                    ACCEPTED_GRACE);
        }
        if (!isAcceptedEchoLimit(limit)) {
            throw ConfigurationException.invalid(ECHO_LIMIT, SettingValues.text(config, ECHO_LIMIT),
                    ACCEPTED_LIMIT);
        }
        return new AppSettings(grace, limit, accessLog);
    }

    private static boolean isAcceptedGrace(Duration grace)
    {
        return !grace.isNegative() && grace.compareTo(LONGEST_GRACE) <= 0;
    }

    private static boolean isAcceptedEchoLimit(long limit)
    {
        return limit >= 0 && limit <= LARGEST_ECHO_LIMIT;
    }

    private static Duration duration(Config config, Setting setting)
    {
        try {
            return config.getDuration(setting.key());
        }
        catch (ConfigException.BadValue | ConfigException.WrongType | ConfigException.Null e) {
            String text = SettingValues.text(config, setting);
            throw ConfigurationException.invalid(setting, text, ACCEPTED_GRACE);
        }
    }

    private static long bytes(Config config, Setting setting)
    {
        try {
            return config.getBytes(setting.key());
        }
        catch (ConfigException.BadValue | ConfigException.WrongType | ConfigException.Null e) {
            String text = SettingValues.text(config, setting);
            throw ConfigurationException.invalid(setting, text, ACCEPTED_LIMIT);
        }
    }
}
