package dev.bindery.transport.uds;

import dev.bindery.transport.BindingException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 1 of the socket file's life: checks the path before anything on disk is touched, so that
 * each way it cannot work gets its own message.
 */
final class SocketPathCheck
{
    /**
     * Linux holds a socket path in 108 bytes ({@code sun_path}); the JDK keeps a terminating zero
     * and one byte more, and rejects paths of 107 bytes and longer.
     */
    static final int MAX_PATH_BYTES = 106;

    private SocketPathCheck() {}

    static void check(Path socket, Path privateSocket) throws BindingException
    {
        if (!socket.isAbsolute()) {
            throw new BindingException("Unix socket path " + socket + " is not absolute; "
                    + "give a path starting with /, such as /run/bindery/http.sock");
        }

        int length = bytes(socket);
        if (length > MAX_PATH_BYTES) {
            throw new BindingException("Unix socket path " + socket + " is " + length
                    + " bytes long; the limit is " + MAX_PATH_BYTES + " bytes. "
                    + "Choose a shorter path, such as /run/bindery/http.sock");
        }

        // The socket is first bound in a private directory beside the target: a longer path when
        // the directory's path is long, whatever the file's name
        int privateLength = bytes(privateSocket);
        if (privateLength > MAX_PATH_BYTES) {
            int room = MAX_PATH_BYTES - (privateLength - bytes(socket.getParent()));
            throw new BindingException("Unix socket path " + socket + " is first bound as "
                    + privateSocket + " (" + privateLength + " bytes), over the limit of "
                    + MAX_PATH_BYTES + " bytes; "
                    + "choose a directory whose path is at most " + room + " bytes long");
        }

        checkDirectory(socket);
    }

    private static void checkDirectory(Path socket) throws BindingException
    {
        Path directory = socket.getParent();
        if (!Files.exists(directory)) {
            throw new BindingException("Cannot create Unix socket " + socket + ": directory "
                    + directory + " does not exist; create it, writable by the server's user, "
                    + "or choose another path");
        }
        if (!Files.isDirectory(directory)) {
            throw new BindingException("Cannot create Unix socket " + socket + ": " + directory
                    + " is not a directory; choose a path inside a directory");
        }
        if (!Files.isWritable(directory)) {
            throw missingPermission(socket, directory, "write (w)");
        }
        if (!Files.isExecutable(directory)) {
            throw missingPermission(socket, directory, "search (x)");
        }
    }

    private static BindingException missingPermission(Path socket, Path directory,
            String permission)
    {
        return new BindingException("Cannot create Unix socket " + socket + ": user "
                + System.getProperty("user.name") + " has no " + permission
                + " permission on directory " + directory + "; grant it (for example chown or "
                + "chmod g+wx " + directory + ") or choose a directory the server's user can write");
    }

    private static int bytes(Path path)
    {
        return path.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
