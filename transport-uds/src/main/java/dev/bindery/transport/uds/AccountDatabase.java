package dev.bindery.transport.uds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User and group ids by name, from /etc/passwd and /etc/group: Java reports a peer's accounts by
 * name only. Each file is read at the first lookup and again only when its modification time,
 * size or inode changes, so a lookup usually costs one {@code stat}.
 *
 * <p>Only these two files are read. Accounts that the system's other name services provide (LDAP,
 * NIS, systemd's dynamic users, as listed in /etc/nsswitch.conf) are not found here.
 */
final class AccountDatabase
{
    private static final Logger LOG = LoggerFactory.getLogger(AccountDatabase.class);
    private static final AccountDatabase SYSTEM =
            new AccountDatabase(Path.of("/etc/passwd"), Path.of("/etc/group"));

    private final IdFile users;
    private final IdFile groups;

    AccountDatabase(Path passwd, Path group)
    {
        this.users = new IdFile(passwd);
        this.groups = new IdFile(group);
    }

    static AccountDatabase system()
    {
        return SYSTEM;
    }

    OptionalInt uid(String user)
    {
        return users.idOf(user);
    }

    OptionalInt gid(String group)
    {
        return groups.idOf(group);
    }

    /** A file of {@code name:password:id:...} lines, such as /etc/passwd, kept as name to id. */
    private static final class IdFile
    {
        private final Path path;
        private Version version;
        private Map<String, Integer> ids = Map.of();

        IdFile(Path path)
        {
            this.path = path;
        }

        synchronized OptionalInt idOf(String name)
        {
            refreshIfChanged();
            Integer id = ids.get(name);
            return id == null ? OptionalInt.empty() : OptionalInt.of(id);
        }

        private void refreshIfChanged()
        {
            try {
                Version current = Version.of(
                        Files.readAttributes(path, BasicFileAttributes.class));
                if (current.equals(version)) {
                    return;
                }
                ids = parse(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
                version = current;
                LOG.debug("Read {} ids from {}", ids.size(), path);
            }
            catch (IOException e) {
                // Names then stay unresolved; ids without an account still come through as numbers
                LOG.debug("Unable to read {}: {}", path, e.toString());
                ids = Map.of();
                version = null;
            }
        }

        private static Map<String, Integer> parse(String text)
        {
            Map<String, Integer> ids = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] fields = line.split(":", -1);
                // Lines starting "+" or "-" are NIS compat entries, not accounts
                boolean account = fields.length >= 3 && !fields[0].isEmpty()
                        && "#+-".indexOf(line.charAt(0)) < 0;
                if (!account) {
                    continue;
                }
                try {
                    // Linux ids are unsigned 32-bit; above Integer.MAX_VALUE they read negative
                    // here, as the JDK writes them
                    ids.putIfAbsent(fields[0], Integer.parseUnsignedInt(fields[2].strip()));
                }
                catch (NumberFormatException e) {
                    // A malformed id: not an account line
                }
            }
            return Map.copyOf(ids);
        }
    }

    /** What tells a changed file from the one already read. */
    private record Version(FileTime modified, long size, Object fileKey)
    {
        static Version of(BasicFileAttributes attributes)
        {
            return new Version(attributes.lastModifiedTime(), attributes.size(),
                    attributes.fileKey());
        }
    }
}
