package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From the names the JDK reports for a peer to its ids and names, against small account files. */
class PeerCredentialsTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final AccountDatabase accounts =
            new AccountDatabase(directory.resolve("passwd"), directory.resolve("group"));

    @BeforeEach
    void writeAccounts() throws Exception
    {
        Files.writeString(directory.resolve("passwd"), "nobody:x:65534:65534\n4711:x:5000:5000\n");
        Files.writeString(directory.resolve("group"), "nogroup:x:65534:\n");
    }

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void anAccountInTheFilesHasItsIdAndName()
    {
        PeerCredentials peer = PeerCredentials.resolve("nobody", "nogroup", accounts);

        assertThat(peer).isEqualTo(new PeerCredentials(OptionalInt.of(65534),
                OptionalInt.of(65534), Optional.of("nobody"), Optional.of("nogroup")));
        assertThat(peer).hasToString("uid=65534(nobody) gid=65534(nogroup)");
    }

    @Test
    void anIdWithoutAnAccountHasItsIdAndNoName()
    {
        // The JDK gives the number as the name when no account has the id
        PeerCredentials peer = PeerCredentials.resolve("10000", "10001", accounts);

        assertThat(peer).isEqualTo(new PeerCredentials(OptionalInt.of(10000),
                OptionalInt.of(10001), Optional.empty(), Optional.empty()));
        assertThat(peer).hasToString("uid=10000 gid=10001");
        assertThat(PeerCredentials.resolve("-2", "-2", accounts).uid()).hasValue(-2);
    }

    @Test
    void anAccountOnlyAnotherNameServiceKnowsHasItsNameAndNoId()
    {
        // Such as a user from LDAP: the JDK found its name, the files do not list it
        PeerCredentials peer = PeerCredentials.resolve("alice", "staff", accounts);

        assertThat(peer).isEqualTo(new PeerCredentials(OptionalInt.empty(), OptionalInt.empty(),
                Optional.of("alice"), Optional.of("staff")));
        assertThat(peer).hasToString("uid=?(alice) gid=?(staff)");
    }

    @Test
    void aNumericNameListedInTheFilesIsANameNotAnId()
    {
        PeerCredentials peer = PeerCredentials.resolve("4711", "nogroup", accounts);

        assertThat(peer.uid()).hasValue(5000);
        assertThat(peer.user()).hasValue("4711");
    }

    @Test
    void refusesAUserOrGroupWithNeitherIdNorName()
    {
        assertThatThrownBy(() -> new PeerCredentials(OptionalInt.empty(), OptionalInt.of(0),
                Optional.empty(), Optional.of("root")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a peer needs a uid, a user name or both");
        assertThatThrownBy(() -> new PeerCredentials(OptionalInt.of(0), OptionalInt.empty(),
                Optional.of("root"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a peer needs a gid, a group name or both");
    }
}
