package dev.bindery.transport.uds;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Who is at the other end of a Unix socket connection: the user and group the connecting process
 * ran as when it connected, as the kernel recorded them (SO_PEERCRED). A process cannot forge
 * them, unlike anything it sends.
 *
 * <p>Java reports names, not numbers: the JDK looks each id up in the system's account databases
 * and gives the name, or the number as text when no entry exists anywhere. The numbers are read
 * back from /etc/passwd and /etc/group ({@link AccountDatabase}), so:
 * <ul>
 * <li>an account listed in those files has its id and its name;</li>
 * <li>an id with no account at all (common in containers, such as 10000) has its id and no
 *     name;</li>
 * <li>an account that only another source knows (LDAP, NIS, systemd's dynamic users) has its
 *     name and no id.</li>
 * </ul>
 * So each of user and group has an id, a name, or both. Linux ids are unsigned 32-bit numbers;
 * ids above {@link Integer#MAX_VALUE} read negative here, as Java's {@code int} holds them.
 */
public record PeerCredentials(OptionalInt uid, OptionalInt gid, Optional<String> user,
        Optional<String> group)
{
    /** What the JDK writes for an id without an account; negative above Integer.MAX_VALUE. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,10}");

    public PeerCredentials
    {
        requireNonNull(uid, "uid is null");
        requireNonNull(gid, "gid is null");
        requireNonNull(user, "user is null");
        requireNonNull(group, "group is null");
        if (uid.isEmpty() && user.isEmpty()) {
            throw new IllegalArgumentException("a peer needs a uid, a user name or both");
        }
        if (gid.isEmpty() && group.isEmpty()) {
            throw new IllegalArgumentException("a peer needs a gid, a group name or both");
        }
    }

    /**
     * The credentials of the process that opened the request's connection, when it came in on a
     * Unix socket of a {@link UnixSocketTransport}. They were read once, when the connection was
     * accepted; this call costs no system call. Works through TLS and PROXY protocol layers.
     *
     * @return empty over TCP, on another connector, or when the platform does not report them
     *     (SO_PEERCRED exists on Linux and macOS)
     */
    public static Optional<PeerCredentials> of(Request request)
    {
        requireNonNull(request, "request is null");
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        while (endPoint instanceof EndPoint.Wrapper wrapper && wrapper.unwrap() != endPoint) {
            endPoint = wrapper.unwrap();
        }
        if (endPoint instanceof UnixSocketEndPoint unix) {
            return unix.peerCredentials();
        }
        return Optional.empty();
    }

    /** From the names the JDK reported for a peer's user and group. */
    static PeerCredentials resolve(String userName, String groupName, AccountDatabase accounts)
    {
        OptionalInt listedUid = accounts.uid(userName);
        OptionalInt listedGid = accounts.gid(groupName);
        return new PeerCredentials(id(listedUid, userName), id(listedGid, groupName),
                name(listedUid, userName), name(listedGid, groupName));
    }

    /** As {@code id} prints them: {@code uid=0(root) gid=0(root)}, with ? for an unknown id. */
    @Override
    public String toString()
    {
        return "uid=" + describe(uid, user) + " gid=" + describe(gid, group);
    }

    private static String describe(OptionalInt id, Optional<String> name)
    {
        String number = id.isPresent() ? String.valueOf(id.getAsInt()) : "?";
        return number + name.map(text -> "(" + text + ")").orElse("");
    }

    private static OptionalInt id(OptionalInt listed, String name)
    {
        return listed.isPresent() ? listed : number(name);
    }

    /** The JDK gives the number as the name only when no account has that id. */
    private static Optional<String> name(OptionalInt listed, String name)
    {
        boolean numberOnly = listed.isEmpty() && number(name).isPresent();
        return numberOnly ? Optional.empty() : Optional.of(name);
    }

    private static OptionalInt number(String name)
    {
        if (!NUMBER.matcher(name).matches()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(name));
        }
        catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
