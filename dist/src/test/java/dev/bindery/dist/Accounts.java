package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Users from /etc/passwd, such as nginx's worker user. */
final class Accounts
{
    record User(String name, int uid, int gid) {}

    private Accounts() {}

    static Optional<User> user(String name)
    {
        try {
            // name:password:uid:gid:gecos:home:shell
            return Files.readAllLines(Path.of("/etc/passwd")).stream()
                    .map(line -> line.split(":"))
                    .filter(fields -> fields.length >= 4 && fields[0].equals(name))
                    .map(fields -> new User(name,
                            Integer.parseInt(fields[2]), Integer.parseInt(fields[3])))
                    .findFirst();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
