package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** INFO is only for what an operator acts on: a replaced stale socket, a socket every user may reach. */
class OperatorLogTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final Path socket = directory.resolve("http.sock");

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void saysAtInfoThatAModeWithOthersWriteLetsEveryLocalUserConnect() throws Exception
    {
        try (LogCapture log = new LogCapture();
                TestServer server = new TestServer(withMode("666"), socket).start()) {
            assertThat(log.text()).contains("INFO dev.bindery.transport.uds.UnixSocketConnector - Socket " + socket
                    + " has mode 0666, which lets every local user connect; keep the socket in a directory that "
                    + "only the proxy can enter");
        }
    }

    @Test
    void saysNothingAtInfoForAnOrdinaryStart() throws Exception
    {
        try (LogCapture log = new LogCapture();
                TestServer server = new TestServer(withMode("0660"), socket).start()) {
            server.close();
            assertThat(log.text()).doesNotContain("INFO dev.bindery");
        }
    }

    @Test
    void saysAtInfoThatAStaleSocketIsReplaced() throws Exception
    {
        WhatIsAtThePathTest.leaveStaleSocket(socket);

        try (LogCapture log = new LogCapture();
                TestServer server = new TestServer(withMode("0660"), socket).start()) {
            assertThat(log.text()).contains("INFO dev.bindery.transport.uds.PlacedSocket - Replacing stale socket file "
                    + socket + " left by a process that is no longer running");
        }
    }

    private static UnixSocketSettings withMode(String mode)
    {
        return UnixSocketSettings.defaults().withPermissions(SocketMode.parse(UnixSocketSettings.PERMISSIONS, mode));
    }
}
