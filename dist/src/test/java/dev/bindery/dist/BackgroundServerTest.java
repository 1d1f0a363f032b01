package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bin/bindery start, status, stop and restart, with the pid file in logs/. */
class BackgroundServerTest
{
    private static Installation installation;
    private Path socket;

    @BeforeAll
    static void unpack()
    {
        installation = Installation.unpack();
    }

    @AfterAll
    static void delete()
    {
        installation.close();
    }

    @BeforeEach
    void chooseSocket()
    {
        socket = installation.socketPath();
    }

    @AfterEach
    void stopLeftovers()
    {
        Processes.killAll(installation.home());
        Installation.deleteTree(installation.home().resolve("logs"));
    }

    @Test
    void startsInTheBackgroundReportsStatusAndStops() throws IOException
    {
        // The tarball has no logs/; start creates it.
        assertThat(installation.home().resolve("logs")).doesNotExist();

        BinderyProcess start = launch("start").run();
        assertThat(start.exitStatus()).as("start: %s", start.output()).isZero();
        long pid = serverPid();
        assertThat(start.stdout()).contains("pid " + pid);
        assertThat(Processes.name(pid)).contains("java");
        assertThat(HttpProbe.get(UnixDomainSocketAddress.of(socket), "/health").status())
                .isEqualTo(200);
        assertThat(installation.home().resolve("logs/bindery.out")).isNotEmptyFile();

        BinderyProcess running = launch("status").run();
        assertThat(running.exitStatus()).isZero();
        assertThat(running.stdout()).contains("running (pid " + pid + ")");

        BinderyProcess stop = launch("stop").run();
        assertThat(stop.exitStatus()).as("stop: %s", stop.output()).isZero();
        assertThat(Processes.isRunning(pid)).as("server running after stop").isFalse();
        assertThat(installation.pidFile()).doesNotExist();
        assertThat(socket).as("the server removed its socket").doesNotExist();

        BinderyProcess stopped = launch("status").run();
        assertThat(stopped.exitStatus()).as("LSB: not running").isEqualTo(3);
        assertThat(stopped.stdout()).contains("not running");
    }

    @Test
    void refusesToStartASecondServer() throws IOException
    {
        assertThat(launch("start").run().exitStatus()).isZero();
        long pid = serverPid();

        BinderyProcess second = launch("start").run();

        assertThat(second.exitStatus()).isEqualTo(1);
        assertThat(second.stderr()).contains("already running (pid " + pid + ")");
        assertThat(serverPid()).isEqualTo(pid);
    }

    @Test
    void reportsAServerThatExitsAtOnceWithItsStatusAndLog()
    {
        BinderyProcess start =
                installation
                        .launch("start")
                        .env("HTTP_BINDING_ADDRESS", "not-an-address")
                        .run();

        assertThat(start.exitStatus()).isEqualTo(78);
        assertThat(start.stderr()).contains("status 78", "HTTP_BINDING_ADDRESS", "not-an-address");
        assertThat(installation.pidFile()).doesNotExist();
    }

    @Test
    void stoppingWhenNotRunningSucceedsAndSaysSo()
    {
        BinderyProcess stop = launch("stop").run();

        assertThat(stop.exitStatus()).isZero();
        assertThat(stop.stdout()).contains("not running");
        assertThat(launch("status").run().exitStatus()).isEqualTo(3);
    }

    @Test
    void restartReplacesTheRunningServer() throws IOException
    {
        assertThat(launch("start").run().exitStatus()).isZero();
        long first = serverPid();

        BinderyProcess restart = launch("restart").run();

        assertThat(restart.exitStatus()).as("restart: %s", restart.output()).isZero();
        long second = serverPid();
        assertThat(second).isNotEqualTo(first);
        assertThat(Processes.isRunning(first)).as("first server running after restart").isFalse();
        assertThat(HttpProbe.get(UnixDomainSocketAddress.of(socket), "/health").status())
                .isEqualTo(200);
        assertThat(launch("stop").run().exitStatus()).isZero();
    }

    @Test
    void ignoresAPidFileThatNamesAnotherProcess() throws IOException
    {
        // After a crash and a reboot, the pid in the file may belong to anything.
        Files.createDirectories(installation.pidFile().getParent());
        Files.writeString(installation.pidFile(), ProcessHandle.current().pid() + "\n");

        assertThat(launch("status").run().exitStatus()).isEqualTo(3);
        assertThat(launch("stop").run().exitStatus()).isZero();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private Launch launch(String command)
    {
        return installation.launch(command).env("HTTP_BINDING_ADDRESS", socket.toString());
    }

    private long serverPid() throws IOException
    {
        return Long.parseLong(Files.readString(installation.pidFile()).strip());
    }
}
