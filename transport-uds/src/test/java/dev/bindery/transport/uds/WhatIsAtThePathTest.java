package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindery.transport.Bindings;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Step 3: what may be replaced at the socket path, and what is never touched. */
class WhatIsAtThePathTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final Path socket = directory.resolve("http.sock");

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void refusesToReplaceARegularFile() throws Exception
    {
        Files.writeString(socket, "an operator's notes\n");
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(socket, FileTime.fromMillis(1_000_000_000_000L));

        assertRefusedLeavingThePathAsItWas("a regular file");
    }

    @Test
    void refusesToReplaceADirectory() throws Exception
    {
        Files.createDirectory(socket);
        Files.writeString(socket.resolve("inside"), "kept");

        assertRefusedLeavingThePathAsItWas("a directory");
        assertThat(Files.readString(socket.resolve("inside"))).isEqualTo("kept");
    }

    @Test
    void refusesToReplaceASymbolicLinkEvenToAStaleSocket() throws Exception
    {
        Path elsewhere = directory.resolve("elsewhere.sock");
        leaveStaleSocket(elsewhere);
        Files.createSymbolicLink(socket, elsewhere);

        assertRefusedLeavingThePathAsItWas("a symbolic link");
        assertThat(Files.exists(elsewhere)).isTrue();
    }

    @Test
    void refusesToReplaceADanglingSymbolicLink() throws Exception
    {
        Files.createSymbolicLink(socket, directory.resolve("nowhere"));

        assertRefusedLeavingThePathAsItWas("a symbolic link");
        assertThat(Files.exists(directory.resolve("nowhere"))).isFalse();
    }

    @Test
    void refusesALiveSocketWhichKeepsAccepting() throws Exception
    {
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(socket));
            FileSnapshot before = FileSnapshot.of(socket);

            Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

            assertThat(Bindings.findBindingFailure(failure)).get().extracting(Throwable::getMessage)
                    .isEqualTo("unix:" + socket + " is served by a live process (it accepts connections); "
                            + "stop that process or choose another path");
            assertThat(FileSnapshot.of(socket)).isEqualTo(before);
            assertThat(directory.names()).containsExactly("http.sock");

            // The listener still takes connections: drain the probe's, then connect once more
            live.accept().close();
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    SocketChannel accepted = live.accept()) {
                client.write(ByteBuffer.wrap(new byte[] {42}));
                ByteBuffer received = ByteBuffer.allocate(1);
                accepted.read(received);
                assertThat(received.get(0)).isEqualTo((byte) 42);
            }
        }
    }

    @Test
    void replacesAStaleSocketAndServesOnIt() throws Exception
    {
        leaveStaleSocket(socket);
        Object staleKey = FileSnapshot.of(socket).fileKey();

        try (TestServer server = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
            assertThat(FileSnapshot.of(socket).fileKey()).isNotEqualTo(staleKey);
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void refusesALockPathThatIsNotARegularFile() throws Exception
    {
        Path lock = directory.resolve("http.sock.lock");
        Files.createSymbolicLink(lock, directory.resolve("elsewhere"));
        FileSnapshot before = FileSnapshot.of(lock);

        Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

        assertThat(Bindings.findBindingFailure(failure)).get().extracting(Throwable::getMessage)
                .isEqualTo("Cannot lock " + lock + " for the socket " + socket + ": it is a symbolic link, which "
                        + "is never removed or changed; move it away if no server serves " + socket
                        + ", or choose another path");
        assertThat(FileSnapshot.of(lock)).isEqualTo(before);
        assertThat(directory.names()).containsExactly("http.sock.lock");
    }

    private void assertRefusedLeavingThePathAsItWas(String what) throws Exception
    {
        FileSnapshot before = FileSnapshot.of(socket);
        var namesBefore = directory.names();

        Exception failure = new TestServer(UnixSocketSettings.defaults(), socket).startExpectingFailure();

        assertThat(Bindings.findBindingFailure(failure)).get().extracting(Throwable::getMessage)
                .isEqualTo("Cannot create Unix socket " + socket + ": the path holds " + what
                        + ", which is never removed or changed; move it away or choose another path");
        assertThat(FileSnapshot.of(socket)).isEqualTo(before);
        // No lock file, no private directory: the disk is as it was
        assertThat(directory.names()).isEqualTo(namesBefore);
    }

    /** A socket file with no listener, as a crashed server leaves it: the JDK never removes it. */
    static void leaveStaleSocket(Path path) throws Exception
    {
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(path));
        }
    }
}
