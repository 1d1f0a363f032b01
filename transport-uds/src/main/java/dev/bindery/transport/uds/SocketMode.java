package dev.bindery.transport.uds;

import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Setting;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The permission bits of the socket file, 0 to 0777. Connecting to a Unix socket needs write
 * permission on it, so the write bits decide who may connect.
 */
public record SocketMode(int bits)
{
    private static final Pattern OCTAL = Pattern.compile("[0-7]{3,4}");
    private static final String ACCEPTED = "expected three or four octal digits up to 0777, "
            + "such as 0660, 666 or 600 (setuid, setgid and sticky bits are not accepted)";

    public SocketMode
    {
        if (bits < 0 || bits > 0777) {
            throw new IllegalArgumentException(
                    "mode " + Integer.toOctalString(bits) + " is outside 0 to 0777");
        }
    }

    /** Reads a mode as {@code SOCKET_PERM} writes it: {@code 660}, {@code 0660}. */
    public static SocketMode parse(Setting setting, String text)
    {
        String value = text == null ? "" : text.strip();
        if (!OCTAL.matcher(value).matches() || Integer.parseInt(value, 8) > 0777) {
            throw ConfigurationException.invalid(setting, value, ACCEPTED);
        }
        return new SocketMode(Integer.parseInt(value, 8));
    }

    /** Four octal digits, as {@code ls} users and the log read it: {@code 0660}. */
    public String octal()
    {
        return String.format("%04o", bits);
    }

    /** Whether every local user may connect (the "others" write bit). */
    public boolean letsEveryoneConnect()
    {
        return (bits & 0002) != 0;
    }

    public Set<PosixFilePermission> permissions()
    {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        // PosixFilePermission lists owner read first: the highest bit, 0400
        PosixFilePermission[] highestBitFirst = PosixFilePermission.values();
        for (int index = 0; index < highestBitFirst.length; index++) {
            if ((bits & (0400 >> index)) != 0) {
                permissions.add(highestBitFirst[index]);
            }
        }
        return permissions;
    }

    @Override
    public String toString()
    {
        return octal();
    }
}
