package dev.bindery.transport.tcp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.bindery.transport.ConfigValues;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Setting;

import java.util.List;

/**
 * How the TCP transport listens, read from {@code bindery.tcp} in the configuration. The defaults
 * live in this module's {@code reference.conf}.
 *
 * @param backlog how many connections the kernel queues before the server accepts them
 */
public record TcpSettings(int backlog)
{
    public static final Setting BACKLOG = new Setting("bindery.tcp.backlog", "BINDERY_TCP_BACKLOG");

    public static final List<Setting> ALL = List.of(BACKLOG);

    public TcpSettings
    {
        if (backlog < 1 || backlog > 65535) {
            throw ConfigurationException.invalid(BACKLOG, String.valueOf(backlog),
                    "expected a whole number from 1 to 65535");
        }
    }

    /** The defaults from {@code reference.conf}. */
    public static TcpSettings defaults()
    {
        return fromConfig(ConfigFactory.defaultReference());
    }

    public static TcpSettings fromConfig(Config config)
    {
        return new TcpSettings(ConfigValues.wholeNumber(config, BACKLOG, 1, 65535));
    }
}
