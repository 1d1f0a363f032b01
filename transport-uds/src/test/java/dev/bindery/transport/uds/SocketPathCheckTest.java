package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindery.transport.BindingException;
import dev.bindery.transport.Bindings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Step 1: the path is checked before anything on disk is touched. */
class SocketPathCheckTest
{
    private final SocketDirectory directory = new SocketDirectory();

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void refusesAPathOf107BytesGivingTheLimitAndTheLength() throws Exception
    {
        Path socket = pathOfBytes(107);

        Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

        assertThat(Bindings.findBindingFailure(failure)).get().extracting(Throwable::getMessage)
                .isEqualTo("Unix socket path " + socket + " is 107 bytes long; the limit is 106 bytes. "
                        + "Choose a shorter path, such as /run/bindery/http.sock");
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void countsBytesNotCharacters() throws Exception
    {
        // "é" is two bytes in UTF-8: 53 of them make a short-looking path far over the limit
        Path socket = directory.resolve("é".repeat(53));

        assertThatThrownBy(() -> SocketPathCheck.check(socket, PrivateBindDirectory.socketPathFor(socket)))
                .isInstanceOf(BindingException.class)
                .hasMessageContaining("is " + bytes(socket) + " bytes long; the limit is 106 bytes");
    }

    @Test
    void refusesADirectoryTooLongForThePrivateBindPath() throws Exception
    {
        // A 106-byte path that fits, but in a directory too long for the private bind path inside it
        Path parent = Path.of("/tmp/" + "d".repeat(90));
        Path socket = parent.resolve("a".repeat(106 - 96));
        Path privateSocket = PrivateBindDirectory.socketPathFor(socket);
        int room = 106 - (bytes(privateSocket) - bytes(parent));

        assertThat(bytes(socket)).isEqualTo(106);
        assertThatThrownBy(() -> SocketPathCheck.check(socket, privateSocket))
                .isInstanceOf(BindingException.class)
                .hasMessage("Unix socket path " + socket + " is first bound as " + privateSocket + " ("
                        + bytes(privateSocket) + " bytes), over the limit of 106 bytes; "
                        + "choose a directory whose path is at most " + room + " bytes long");
    }

    @Test
    void servesOnAPathOf106Bytes() throws Exception
    {
        Path longest = pathOfBytes(106);

        try (TestServer server = new TestServer(UnixSocketSettings.defaults(), longest).start()) {
            assertThat(UnixSocketClient.get(longest).getContentAsString()).isEqualTo(TestServer.BODY);
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void refusesARelativePath()
    {
        Path relative = Path.of("run/http.sock");

        assertThatThrownBy(() -> SocketPathCheck.check(relative, relative))
                .isInstanceOf(BindingException.class)
                .hasMessage("Unix socket path run/http.sock is not absolute; give a path starting with /, "
                        + "such as /run/bindery/http.sock");
    }

    @Test
    void refusesAMissingDirectory() throws Exception
    {
        Path socket = directory.resolve("missing/http.sock");

        Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

        assertThat(Bindings.findBindingFailure(failure)).get().extracting(Throwable::getMessage)
                .isEqualTo("Cannot create Unix socket " + socket + ": directory " + socket.getParent()
                        + " does not exist; create it, writable by the server's user, or choose another path");
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void refusesAParentThatIsAFile() throws Exception
    {
        Path file = Files.writeString(directory.resolve("file"), "not a directory");
        Path socket = file.resolve("http.sock");

        Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

        assertThat(Bindings.findBindingFailure(failure)).get().extracting(Throwable::getMessage)
                .isEqualTo("Cannot create Unix socket " + socket + ": " + file
                        + " is not a directory; choose a path inside a directory");
        assertThat(directory.names()).containsExactly("file");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    private Path pathOfBytes(int length)
    {
        String prefix = directory.path() + "/";
        return Path.of(prefix + "s".repeat(length - prefix.length()));
    }

    private static int bytes(Path path)
    {
        return path.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
