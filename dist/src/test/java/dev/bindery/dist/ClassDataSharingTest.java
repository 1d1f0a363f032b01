package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's class-data sharing archive in var/cds: made without help, used on the
 * next run, and never in the way when it cannot be made or is not this Java's.
 * No timings: only what the launcher gives the JVM, and that the server serves.
 */
class ClassDataSharingTest
{
    private static final int NOBODY = 65534;
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private Installation installation;

    @BeforeEach
    void unpack()
    {
        installation = Installation.unpack();
    }

    @AfterEach
    void delete()
    {
        installation.close();
    }

    /** An option through which the launcher asks for class-data sharing. */
    static boolean isSharingOption(String argument)
    {
        return argument.startsWith("-Xshare:") || argument.startsWith("-Xlog:cds")
                || argument.contains("SharedArchive") || argument.contains("DynamicDump")
                || argument.startsWith("-Dbindery.cds-archive");
    }

    @Test
    void makesAnArchiveOnTheFirstRunAndUsesItOnTheNext() throws IOException
    {
        List<String> first = serveOnceAndStop(installation.launch("run"));
        assertThat(first).contains("-XX:+RecordDynamicDumpInfo").anyMatch(this::namesAnArchiveInVar);

        List<String> second = serveOnceAndStop(installation.launch("run"));
        Path archive = sharedArchiveFile(second);
        assertThat(archive.getParent()).isEqualTo(cdsDirectory());
        assertThat(archive).isRegularFile();
        // Nothing is left half-made beside it.
        assertThat(files(cdsDirectory())).containsExactly(archive);
    }

    @Test
    void makesAndUsesAnArchiveWithJava25() throws IOException
    {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "no Java 25 at " + JAVA_25);

        serveOnceAndStop(installation.launch("run").env("JAVA_HOME", JAVA_25.toString()));
        List<String> second =
                serveOnceAndStop(installation.launch("run").env("JAVA_HOME", JAVA_25.toString()));

        assertThat(sharedArchiveFile(second)).isRegularFile();
        assertThat(sharedArchiveFile(second).getFileName().toString()).startsWith("java25-");
    }

    @Test
    void replacesAnArchiveThatIsNotThisJavasWithoutAWord() throws IOException
    {
        serveOnceAndStop(installation.launch("run"));
        Path archive = sharedArchiveFile(serveOnceAndStop(installation.launch("run")));

        // Garbage where the archive was, as a cut-short file or another Java's would be.
        byte[] garbage = new byte[64 * 1024];
        java.util.Arrays.fill(garbage, (byte) 0x5a);
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(archive, garbage);

        try (BinderyProcess server = serve(installation.launch("run"))) {
            awaitArchive(archive);
            assertThat(server.terminate()).isZero();
            // The JVM may note that it saved a new archive; it warns of no bad one
            assertThat(server.output()).doesNotContainIgnoringCase("warning")
                    .doesNotContainIgnoringCase("error")
                    .doesNotContainIgnoringCase("shared archive")
                    .doesNotContain("SharedArchive");
        }
        List<String> next = serveOnceAndStop(installation.launch("run"));
        assertThat(sharedArchiveFile(next)).isEqualTo(archive);
        assertThat(Files.readAllBytes(archive)).isNotEqualTo(garbage);
    }

    @Test
    void servesFromAnInstallationItCannotWriteToWithoutAnArchive() throws IOException
    {
        assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        assumeTrue(Processes.isRoot(), "switching to another user with setpriv needs root");
        Path shared = installation.newDirectory("shared");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        // The installation belongs to root, mode 0755: nobody cannot create var/.
        Launch launch = installation.launch("run").asUser(NOBODY, NOBODY)
                .env("HTTP_BINDING_ADDRESS", shared.resolve("nobody.sock").toString());
        try (BinderyProcess server = launch.start()) {
            assertThat(server.awaitHealthy().status()).isEqualTo(200);
            assertThat(Processes.commandLine(server.pid()).orElseThrow())
                    .noneMatch(ClassDataSharingTest::isSharingOption);
            assertThat(server.terminate()).isZero();
            assertThat(server.output()).doesNotContainIgnoringCase("cds")
                    .doesNotContainIgnoringCase("archive")
                    .doesNotContain("Permission denied");
        }
        assertThat(installation.home().resolve("var")).doesNotExist();
    }

    @Test
    void aStartThatFailsLeavesNoArchiveBehind()
    {
        try (BinderyProcess failed = installation.launch("run").env("PORT", "not-a-port").run()) {
            assertThat(failed.exitStatus()).as(failed.output()).isEqualTo(78);
        }
        assertThat(installation.home().resolve("var")).doesNotExist();
    }

    @Test
    void givesNoArchiveOptionsWhenTurnedOff()
    {
        List<String> arguments =
                serveOnceAndStop(installation.launch("run").env("BINDERY_CDS", "off"));

        assertThat(arguments).noneMatch(ClassDataSharingTest::isSharingOption);
        assertThat(cdsDirectory()).doesNotExist();
    }

    @Test
    void keepsTheArchiveWhereBinderyCdsDirSays() throws IOException
    {
        Path elsewhere = installation.newDirectory("cds-elsewhere");

        serveOnceAndStop(installation.launch("run").env("BINDERY_CDS_DIR", elsewhere.toString()));
        List<String> second = serveOnceAndStop(
                installation.launch("run").env("BINDERY_CDS_DIR", elsewhere.toString()));

        assertThat(sharedArchiveFile(second).getParent()).isEqualTo(elsewhere);
        assertThat(cdsDirectory()).doesNotExist();
    }

    /** Starts the server on a new socket and waits until it serves. */
    private BinderyProcess serve(Launch launch)
    {
        BinderyProcess server =
                launch.env("HTTP_BINDING_ADDRESS", installation.socketPath().toString()).start();
        assertThat(server.awaitHealthy().status()).isEqualTo(200);
        return server;
    }

    /**
     * Serves, waits for the archive a server without one saves once started, stops with SIGTERM,
     * and returns the JVM's arguments.
     */
    private List<String> serveOnceAndStop(Launch launch)
    {
        try (BinderyProcess server = serve(launch)) {
            List<String> arguments = Processes.commandLine(server.pid()).orElseThrow();
            arguments.stream().filter(argument -> argument.startsWith(ARCHIVE_PROPERTY))
                    .map(argument -> Path.of(argument.substring(ARCHIVE_PROPERTY.length())))
                    .findFirst()
                    .ifPresent(ClassDataSharingTest::awaitArchive);
            assertThat(server.terminate()).as(server.output()).isZero();
            return arguments;
        }
    }

    private static final String ARCHIVE_PROPERTY = "-Dbindery.cds-archive=";

    private static void awaitArchive(Path archive)
    {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!Files.isRegularFile(archive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + archive, e);
            }
        }
        assertThat(archive).as("the archive the server saves once started").isRegularFile();
    }

    private boolean namesAnArchiveInVar(String argument)
    {
        return (argument.startsWith(ARCHIVE_PROPERTY) || argument.startsWith("-XX:SharedArchiveFile="))
                && argument.contains(cdsDirectory() + "/");
    }

    private static Path sharedArchiveFile(List<String> arguments)
    {
        String option = "-XX:SharedArchiveFile=";
        return arguments.stream().filter(argument -> argument.startsWith(option))
                .map(argument -> Path.of(argument.substring(option.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + option + " in " + arguments));
    }

    private Path cdsDirectory()
    {
        return installation.home().resolve("var/cds");
    }

    private static List<Path> files(Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
