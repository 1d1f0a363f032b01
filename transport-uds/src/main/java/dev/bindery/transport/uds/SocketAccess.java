package dev.bindery.transport.uds;

import dev.bindery.transport.BindingException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;

/** Gives the freshly bound socket the asked mode and group, while no client can reach it yet. */
final class SocketAccess
{
    private SocketAccess() {}

    static void apply(Path bound, Path target, SocketMode mode, Optional<SocketGroup> group)
            throws BindingException
    {
        // chmod sets the bits exactly, so the umask the socket was created under no longer counts
        try {
            Files.setPosixFilePermissions(bound, mode.permissions());
        }
        catch (IOException e) {
            throw new BindingException("Cannot give the socket " + target + " mode " + mode + ": "
                    + e, e);
        }

        if (group.isPresent()) {
            setGroup(bound, target, group.get());
        }
    }

    private static void setGroup(Path bound, Path target, SocketGroup group) throws BindingException
    {
        try {
            Files.getFileAttributeView(bound, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setGroup(group.principal());
        }
        catch (FileSystemException e) {
            // EPERM: only root may give a file a group its owner does not belong to
            throw new BindingException("User " + System.getProperty("user.name")
                    + " may not give group " + group.name() + " to the socket " + target
                    + " (" + e.getReason() + "): a process can give a file only a group it "
                    + "belongs to; add the user to group " + group.name()
                    + ", or unset SOCKET_GROUP", e);
        }
        catch (IOException e) {
            throw new BindingException("Cannot give group " + group.name() + " to the socket "
                    + target + ": " + e, e);
        }
    }
}
