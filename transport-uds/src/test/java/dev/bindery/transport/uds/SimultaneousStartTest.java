package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two servers started at the same moment on one path: the lock lets exactly one serve. */
class SimultaneousStartTest
{
    private static final int ROUNDS = 10;

    private final SocketDirectory directory = new SocketDirectory();
    private final Path socket = directory.resolve("http.sock");

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void exactlyOneOfTwoServersStartedAtOnceServesEachTime() throws Exception
    {
        for (int round = 1; round <= ROUNDS; round++) {
            try (ServerProcess one = ServerProcess.start(socket, "0660");
                    ServerProcess two = ServerProcess.start(socket, "0660")) {
                List<String> outcomes = List.of(one.outcome(), two.outcome());

                assertThat(outcomes).as("round " + round).filteredOn("SERVING"::equals).hasSize(1);
                assertThat(outcomes).as("round " + round).filteredOn(outcome -> !outcome.equals("SERVING"))
                        .singleElement().asString()
                        .startsWith("BINDING: unix:" + socket + " is already served by another process (pid ");
                assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);

                ServerProcess winner = outcomes.get(0).equals("SERVING") ? one : two;
                ServerProcess loser = winner == one ? two : one;
                assertThat(loser.exitStatus()).isEqualTo(73);
                assertThat(winner.stop()).isEqualTo(0);
            }
            assertThat(directory.names()).as("left after round " + round).isEmpty();
        }
    }
}
