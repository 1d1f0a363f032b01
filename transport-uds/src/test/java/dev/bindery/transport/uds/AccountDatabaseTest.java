package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Names to ids from passwd and group files, as the C library's "files" source reads them. */
class AccountDatabaseTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final Path passwd = directory.resolve("passwd");
    private final Path group = directory.resolve("group");
    private final AccountDatabase accounts = new AccountDatabase(passwd, group);

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void findsUsersAndGroupsByName() throws Exception
    {
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        Files.writeString(group, "root:x:0:\nnogroup:x:65534:\nwww-data:x:33:nginx\n");

        assertThat(accounts.uid("root")).hasValue(0);
        assertThat(accounts.uid("nobody")).hasValue(65534);
        assertThat(accounts.gid("nogroup")).hasValue(65534);
        assertThat(accounts.gid("www-data")).hasValue(33);
        // Members are not accounts; user names are not groups
        assertThat(accounts.uid("nginx")).isEmpty();
        assertThat(accounts.gid("nobody")).isEmpty();
    }

    @Test
    void skipsCommentsNisEntriesAndMalformedLinesAndTheFirstOfTwoNamesWins() throws Exception
    {
        Files.writeString(passwd, "# comment:x:1:1\n+nis:x:2:2\n-nis:x:3:3\nbroken\n"
                + "bad:x:notanumber:0\n\nalice:x:1000:1000\nalice:x:2000:2000\n"
                + "large:x:4294967294:0");

        assertThat(accounts.uid("# comment")).isEmpty();
        assertThat(accounts.uid("+nis")).isEmpty();
        assertThat(accounts.uid("-nis")).isEmpty();
        assertThat(accounts.uid("broken")).isEmpty();
        assertThat(accounts.uid("bad")).isEmpty();
        assertThat(accounts.uid("alice")).hasValue(1000);
        // Linux's unsigned ids above Integer.MAX_VALUE read negative, as the JDK writes them
        assertThat(accounts.uid("large")).hasValue(-2);
    }

    @Test
    void readsAFileAgainWhenItChanges() throws Exception
    {
        Files.writeString(passwd, "alice:x:1000:1000\n");
        assertThat(accounts.uid("alice")).hasValue(1000);
        assertThat(accounts.uid("bob")).isEmpty();

        Files.writeString(passwd, "alice:x:1000:1000\nbob:x:1001:1001\n");
        // Modification times can be coarse; the size has changed as well, which is enough
        Files.setLastModifiedTime(passwd, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(accounts.uid("bob")).hasValue(1001);
    }

    @Test
    void aMissingFileResolvesNoName()
    {
        assertThat(accounts.uid("root")).isEqualTo(OptionalInt.empty());
        assertThat(accounts.gid("root")).isEqualTo(OptionalInt.empty());
    }
}
