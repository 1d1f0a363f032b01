package dev.bindery.transport.uds;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.bindery.transport.ConfigValues;
import dev.bindery.transport.Setting;

import java.util.List;
import java.util.Optional;

/**
 * How the socket file is made, its mode and, when set, its group, and how many connections
 * wait to be accepted. The defaults live in this module's {@code reference.conf} only.
 *
 * <p>{@code group} is checked against the system's groups when a {@link UnixSocketTransport} is
 * created, since that needs the system and this record is a plain value.
 */
public record UnixSocketSettings(SocketMode permissions, Optional<String> group, int backlog)
{
    public static final Setting PERMISSIONS =
            new Setting("bindery.unix-socket.permissions", "SOCKET_PERM");
    public static final Setting GROUP = new Setting("bindery.unix-socket.group", "SOCKET_GROUP");

    public static final Setting BACKLOG =
            new Setting("bindery.unix-socket.backlog", "BINDERY_UNIX_SOCKET_BACKLOG");

    public static final List<Setting> ALL = List.of(PERMISSIONS, GROUP, BACKLOG);

    public UnixSocketSettings
    {
        requireNonNull(permissions, "permissions is null");
        requireNonNull(group, "group is null: use Optional.empty() to keep the process's group");
        if (backlog < 1 || backlog > 65535) {
            throw new IllegalArgumentException("backlog " + backlog + " is outside 1 to 65535");
        }
    }

    /** The settings {@code reference.conf} gives. */
    public static UnixSocketSettings defaults()
    {
        return fromConfig(ConfigFactory.defaultReference());
    }

    /**
     * Reads every setting eagerly.
     *
     * @throws dev.bindery.transport.ConfigurationException naming the setting at fault
     */
    public static UnixSocketSettings fromConfig(Config config)
    {
        SocketMode permissions = SocketMode.parse(PERMISSIONS, config.getString(PERMISSIONS.key()));

        // An empty SOCKET_GROUP (as compose files pass an unset variable) means no group
        Optional<String> group = Optional.empty();
        if (config.hasPath(GROUP.key()) && !config.getString(GROUP.key()).isBlank()) {
            group = Optional.of(config.getString(GROUP.key()).strip());
        }
        int backlog = ConfigValues.wholeNumber(config, BACKLOG, 1, 65535);
        return new UnixSocketSettings(permissions, group, backlog);
    }

    public UnixSocketSettings withPermissions(SocketMode permissions)
    {
        return new UnixSocketSettings(permissions, group, backlog);
    }

    public UnixSocketSettings withGroup(String group)
    {
        return new UnixSocketSettings(permissions, Optional.of(group), backlog);
    }

    /** How the log shows them: {@code mode 0660} or {@code mode 0660, group www}. */
    public String describe()
    {
        return "mode " + permissions.octal() + group.map(name -> ", group " + name).orElse("");
    }
}
