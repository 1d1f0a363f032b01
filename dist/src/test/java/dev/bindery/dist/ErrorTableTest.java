package dev.bindery.dist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the error table (docs/errors.md, pasted into the README) against
 * {@code bin/bindery run} from the tarball: the documented status, the message
 * word for word on one line with no stack trace, and nothing on disk created,
 * changed or deleted, in the socket's directory or in the installation.
 */
class ErrorTableTest
{
    // The conventional unprivileged user and group, present on every Linux.
    private static final int NOBODY = 65534;
    private static final int LONG_PATH_BYTES = 120;
    private static final AtomicInteger ROWS = new AtomicInteger();

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

    static List<ErrorTable.Row> rows()
    {
        return ErrorTable.rows();
    }

    /** What is in place when the server starts, one constant per wording in the table. */
    enum Situation
    {
        NONE(""),
        REGULAR_FILE("a regular file at `<path>`"),
        DIRECTORY("a directory at `<path>`"),
        SYMBOLIC_LINK("a symbolic link at `<path>`"),
        LISTENER("another program listens on `<path>`"),
        BINDERY("another Bindery, pid `<pid>`, serves `<path>`"),
        PORT_TAKEN("another program listens on 127.0.0.1 port `<port>`"),
        ADDRESS_ELSEWHERE("no interface of the host has 192.0.2.1"),
        UNKNOWN_KEY_FILE("`<file>` holds `bindery.http.prot = 4000`"),
        MALFORMED_FILE("`<file>` holds `bindery.http {` and no closing brace"),
        NO_FILE("`<file>` does not exist"),
        NOBODY_READ_ONLY("runs as user nobody; `<dir>` is not writable by nobody"),
        NOBODY_OWNS_DIRECTORY(
                "runs as user nobody, not in group root; `<dir>` is owned by nobody"),
        NOBODY_LOW_PORT("runs as user nobody");

        private final String wording;

        Situation(String wording)
        {
            this.wording = wording;
        }

        static Situation of(String wording)
        {
            return Arrays.stream(values())
                    .filter(situation -> situation.wording.equals(wording))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The error table has a "
                            + "situation this test cannot set up: " + wording));
        }

        boolean asNobody()
        {
            return name().startsWith("NOBODY");
        }
    }

    // Each row is its own directory and JVM, so rows may run side by side (see dist/pom.xml)
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exitsWithTheDocumentedStatusAndMessageAndLeavesTheDiskAsItWas(ErrorTable.Row row)
            throws Exception
    {
        Situation situation = Situation.of(row.situation());
        assumeRunnable(situation);
        Path directory = installation.newDirectory("rows/" + ROWS.incrementAndGet());
        Map<String, String> placeholders = placeholders(directory);

        try (Occupants occupants = new Occupants()) {
            prepare(situation, directory, placeholders, occupants);
            DiskSnapshot before = DiskSnapshot.of(directory, installation.home());

            Launch launch = installation.launch("run").in(directory);
            row.input().forEach((name, value) -> launch.env(name, fill(value, placeholders)));
            if (situation.asNobody()) {
                launch.asUser(NOBODY, NOBODY);
            }
            BinderyProcess server = launch.run();

            // The documented status
            assertThat(server.exitStatus()).as(server.output()).isEqualTo(row.status());

            // One error line, which ends in the documented message word for word
            List<String> errors = server.outputLines().stream()
                    .filter(line -> line.contains(" ERROR "))
                    .toList();
            assertThat(errors).as(server.output())
                    .singleElement().asString()
                    .endsWith(" - " + fill(row.message(), placeholders));

            // No stack trace: the operator can act on the line alone
            assertThat(server.outputLines())
                    .noneMatch(line -> line.matches("\\s+at .*") || line.startsWith("Caused by"));

            // Nothing created, changed or deleted, beside the socket path or in the installation
            assertThat(DiskSnapshot.of(directory, installation.home())).isEqualTo(before);

            // What held the path or port still serves
            occupants.assertStillServing();
        }
    }

    @Test
    void theReadmeShowsTheWholeTable()
    {
        Path readme = Path.of(Objects.requireNonNull(System.getProperty("bindery.readme"),
                "bindery.readme is not set; run the tests through ./mvnw verify"));
        List<String> lines = ErrorTable.read(readme).lines().toList();

        // Every row as written here, so the README cannot drift from what is tested
        assertThat(lines)
                .as("%s holds every row of %s", readme, ErrorTable.file())
                .contains(ErrorTable.HEADER)
                .contains(rows().stream().map(ErrorTable.Row::line).toArray(String[]::new))
                .contains("## Errors and exit statuses", "## What happens to the socket file");

        // The issue asks for at least twenty rows, both statuses among them
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rows()).extracting(ErrorTable.Row::status).containsOnly(73, 78);
    }

    private static void assumeRunnable(Situation situation) throws IOException
    {
        if (!situation.asNobody()) {
            return;
        }
        assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        assumeTrue(Processes.isRoot(), "running the server as nobody with setpriv needs root");
        if (situation == Situation.NOBODY_LOW_PORT) {
            Path sysctl = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
            int firstFree = Files.exists(sysctl)
                    ? Integer.parseInt(Files.readString(sysctl).strip())
                    : 1024;
            assumeTrue(firstFree > 80, "this host lets every user bind port 80 "
                    + "(net.ipv4.ip_unprivileged_port_start = " + firstFree + ")");
        }
    }

    /** The placeholders every row may use; longest first, since one may start another. */
    private static Map<String, String> placeholders(Path directory)
    {
        String longPrefix = directory + "/";
        String longPath =
                longPrefix + "a".repeat(LONG_PATH_BYTES - longPrefix.length() - 5) + ".sock";
        assertThat(longPath.getBytes(UTF_8)).hasSize(LONG_PATH_BYTES);

        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("<path of 120 bytes>", longPath);
        placeholders.put("<path>", directory.resolve("http.sock").toString());
        placeholders.put("<file>", directory.resolve("application.conf").toString());
        placeholders.put("<dir>", directory.toString());
        return placeholders;
    }

    private static String fill(String text, Map<String, String> placeholders)
    {
        String filled = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    private static void prepare(Situation situation, Path directory,
            Map<String, String> placeholders, Occupants occupants) throws IOException
    {
        Path path = Path.of(placeholders.get("<path>"));
        Path file = Path.of(placeholders.get("<file>"));
        switch (situation) {
            case REGULAR_FILE -> Files.writeString(path, "an operator's notes\n");
            case DIRECTORY -> Files.createDirectory(path);
            case SYMBOLIC_LINK -> Files.createSymbolicLink(path,
                    Files.writeString(directory.resolve("target"), "linked to\n"));
            case LISTENER -> {
                PlainListener listener = occupants.add(PlainListener.atPath(path));
                occupants.stillServing(() -> assertThat(listener.greeting())
                        .isEqualTo(PlainListener.GREETING));
            }
            case BINDERY -> {
                // The occupant saves no class-data archive: the installation it would write
                // to is part of what the row under test must leave as it was
                BinderyProcess other = installation.launch("run")
                        .env("HTTP_BINDING_ADDRESS", path.toString())
                        .env("BINDERY_CDS", "off")
                        .start();
                occupants.add(() -> {
                    other.terminate();
                    other.close();
                });
                other.awaitHealthy();
                placeholders.put("<pid>", Long.toString(other.pid()));
                occupants.stillServing(() -> assertThat(other.awaitHealthy().status())
                        .isEqualTo(200));
            }
            case PORT_TAKEN -> {
                PlainListener listener = occupants.add(PlainListener.onLoopbackPort());
                placeholders.put("<port>", Integer.toString(listener.port()));
                occupants.stillServing(() -> assertThat(listener.greeting())
                        .isEqualTo(PlainListener.GREETING));
            }
            case UNKNOWN_KEY_FILE -> Files.writeString(file, "bindery.http.prot = 4000\n");
            case MALFORMED_FILE -> Files.writeString(file, "bindery.http {\n");
            case NOBODY_OWNS_DIRECTORY -> Files.setAttribute(directory, "unix:uid", NOBODY);
            case NONE, ADDRESS_ELSEWHERE, NO_FILE, NOBODY_READ_ONLY, NOBODY_LOW_PORT -> {
                // Nothing to set up: a fresh directory, mode 0755, owned by root
            }
        }
    }

    /** What a row put at the path or port, checked after the run and then stopped. */
    private static final class Occupants implements AutoCloseable
    {
        private final List<AutoCloseable> resources = new ArrayList<>();
        private final List<Runnable> checks = new ArrayList<>();

        <T extends AutoCloseable> T add(T resource)
        {
            resources.add(resource);
            return resource;
        }

        void stillServing(Runnable check)
        {
            checks.add(check);
        }

        void assertStillServing()
        {
            checks.forEach(Runnable::run);
        }

        @Override
        public void close() throws Exception
        {
            for (int last = resources.size() - 1; last >= 0; last--) {
                resources.get(last).close();
            }
        }
    }
}
