package dev.bindery.transport.uds;

import dev.bindery.transport.ConfigurationException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;

/** The group the socket file gets, looked up once so that an unknown name fails before start. */
record SocketGroup(String name, GroupPrincipal principal)
{
    /**
     * Looks the group up by name, or by number when no group has that name.
     *
     * @throws ConfigurationException when the system has no such group
     */
    static Optional<SocketGroup> lookup(Optional<String> name)
    {
        return name.map(SocketGroup::lookup);
    }

    private static SocketGroup lookup(String name)
    {
        try {
            // The JDK falls back to reading the name as a number when getgrnam finds nothing
            GroupPrincipal principal = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(name);
            return new SocketGroup(name, principal);
        }
        catch (UserPrincipalNotFoundException e) {
            throw ConfigurationException.invalid(UnixSocketSettings.GROUP, name, "no such group on "
                    + "this system; give an existing group name or number (see getent group)");
        }
        catch (IOException e) {
            throw ConfigurationException.invalid(UnixSocketSettings.GROUP, name,
                    "the group could not be looked up (" + e.getMessage() + "); "
                    + "give an existing group name or number");
        }
    }
}
