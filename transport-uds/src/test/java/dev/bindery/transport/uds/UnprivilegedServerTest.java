package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Permission errors, seen by a server running as an unprivileged user (nobody), where they happen:
 * each says which permission is missing on which path, and leaves nothing behind.
 */
class UnprivilegedServerTest
{
    private static SocketDirectory classes;
    private static String classpath;

    private final SocketDirectory directory = new SocketDirectory().searchableByAll();

    @BeforeAll
    static void copyClasspath()
    {
        if (canRunAsAnotherUser()) {
            classes = new SocketDirectory().searchableByAll();
            SocketDirectory.chmod(classes.path(), "rwxr-xr-x");
            classpath = AnotherUser.readableClasspath(classes.path());
        }
    }

    @AfterAll
    static void removeClasspath() throws Exception
    {
        if (classes != null) {
            classes.close();
        }
    }

    @BeforeEach
    void needsAnotherUser()
    {
        AnotherUser.assumeAvailable();
    }

    @Test
    void refusesADirectoryItCannotWriteNamingThePermission() throws Exception
    {
        Path readOnly = Files.createDirectory(directory.resolve("ro"));
        SocketDirectory.chmod(readOnly, "r-xr-xr-x");
        Path socket = readOnly.resolve("http.sock");

        try (ServerProcess server = asNobody(socket, "0660")) {
            assertThat(server.outcome()).isEqualTo("BINDING: Cannot create Unix socket " + socket + ": user nobody "
                    + "has no write (w) permission on directory " + readOnly + "; grant it (for example chown or "
                    + "chmod g+wx " + readOnly + ") or choose a directory the server's user can write");
            assertThat(server.exitStatus()).isEqualTo(73);
        }
        assertThat(Files.list(readOnly).toList()).isEmpty();
    }

    @Test
    void refusesAGroupItDoesNotBelongToAndLeavesNothingBehind() throws Exception
    {
        // Root's group: nobody does not belong to it, so the kernel refuses to give it to the socket
        Path writable = Files.createDirectory(directory.resolve("rw"));
        Files.setOwner(writable, writable.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(String.valueOf(AnotherUser.ID)));
        Path socket = writable.resolve("http.sock");

        try (ServerProcess server = asNobody(socket, "0660", "root")) {
            assertThat(server.outcome()).isEqualTo("BINDING: User nobody may not give group root to the socket "
                    + socket + " (Operation not permitted): a process can give a file only a group it belongs to; "
                    + "add the user to group root, or unset SOCKET_GROUP");
            assertThat(server.exitStatus()).isEqualTo(73);
        }
        // Bound, then undone: no socket, no lock file, no private directory
        assertThat(Files.list(writable).toList()).isEmpty();
    }

    @Test
    void servesAsNobodyInADirectoryItOwns() throws Exception
    {
        Path writable = Files.createDirectory(directory.resolve("rw"));
        Files.setOwner(writable, writable.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(String.valueOf(AnotherUser.ID)));
        Path socket = writable.resolve("http.sock");

        try (ServerProcess server = asNobody(socket, "0600")) {
            assertThat(server.outcome()).isEqualTo("SERVING");
            assertThat(Files.getOwner(socket).getName()).isEqualTo("nobody");
            assertThat(server.stop()).isEqualTo(0);
        }
        assertThat(Files.list(writable).toList()).isEmpty();
    }

    @org.junit.jupiter.api.AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    private static ServerProcess asNobody(Path socket, String... arguments) throws Exception
    {
        return ServerProcess.start(AnotherUser.prefix(), classpath, socket, arguments);
    }

    private static boolean canRunAsAnotherUser()
    {
        try {
            AnotherUser.assumeAvailable();
            return true;
        }
        catch (org.opentest4j.TestAbortedException e) {
            return false;
        }
    }
}
