package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unpacked tarball serves, and stops cleanly on SIGTERM, with no setup. */
class ServeFromTarballTest
{
    private static Installation installation;

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

    @Test
    void servesHealthOnAUnixSocketAndRemovesItOnSigterm()
    {
        Path socket = installation.socketPath();

        try (BinderyProcess server =
                installation.launch("run").env("HTTP_BINDING_ADDRESS", socket.toString()).start()) {
            HttpProbe.Response health = server.awaitHealthy();
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualToIgnoringWhitespace("{\"status\":\"UP\"}");

            // The launcher exec'd the JVM: the pid we started is java itself, so
            // the SIGTERM below reaches the server and not a shell in between.
            assertThat(Processes.name(server.pid())).contains("java");

            assertThat(server.terminate()).as("exit status after SIGTERM").isZero();
            assertThat(socket).doesNotExist();
        }
    }

    @Test
    void servesHealthOnATcpPortChosenByTheKernel()
    {
        try (BinderyProcess server =
                installation
                        .launch("run")
                        .env("HTTP_BINDING_ADDRESS", "127.0.0.1")
                        .env("PORT", "0")
                        .start()) {
            assertThat(server.awaitHealthy().status()).isEqualTo(200);

            assertThat(server.terminate()).as("exit status after SIGTERM").isZero();
        }
    }

    @Test
    void stopsWithStatusZeroOnSigint()
    {
        Path socket = installation.socketPath();

        try (BinderyProcess server =
                installation.launch().env("HTTP_BINDING_ADDRESS", socket.toString()).start()) {
            server.awaitHealthy();

            // No command at all means `run`; Ctrl-C in a terminal sends SIGINT.
            server.signal("INT");
            assertThat(server.awaitExit(BinderyProcess.STOP_TIMEOUT)).isZero();
            assertThat(socket).doesNotExist();
        }
    }
}
