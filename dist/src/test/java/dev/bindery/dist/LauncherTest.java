package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bin/bindery in the foreground: finding itself, finding Java, passing commands on. */
class LauncherTest
{
    // The conventional unprivileged user and group, present on every Linux.
    private static final int NOBODY = 65534;

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
    void runsThroughSymbolicLinksFromAnotherDirectory()
    {
        // A relative link to an absolute link to bin/bindery, as in
        // /usr/local/bin/bindery -> /opt/bindery/bin/bindery.
        Path links = installation.newDirectory("links");
        Path elsewhere = installation.newDirectory("elsewhere");
        Launch.symlink(links.resolve("absolute"), installation.launcher());
        Launch.symlink(links.resolve("bindery"), Path.of("absolute"));
        Path socket = installation.socketPath();

        try (BinderyProcess server =
                installation
                        .launch("run")
                        .via(links.resolve("bindery"))
                        .in(elsewhere)
                        .env("HTTP_BINDING_ADDRESS", socket.toString())
                        .start()) {
            assertThat(server.awaitHealthy().status()).isEqualTo(200);
            assertThat(Processes.commandLine(server.pid()).orElseThrow())
                    .contains("-Dbindery.home=" + installation.home());

            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void runsFromADirectoryWithSpacesInItsName()
    {
        try (Installation spaced = Installation.unpack("my bindery install")) {
            Path socket = spaced.socketPath();

            try (BinderyProcess server =
                    spaced.launch("run").env("HTTP_BINDING_ADDRESS", socket.toString()).start()) {
                assertThat(server.awaitHealthy().status()).isEqualTo(200);
                assertThat(Processes.commandLine(server.pid()).orElseThrow())
                        .contains(
                                "-Dbindery.home=" + spaced.home(),
                                "-Dlogback.configurationFile="
                                        + spaced.home().resolve("conf/logback.xml"),
                                spaced.home().resolve("lib") + "/*");

                assertThat(server.terminate()).isZero();
            }
        }
    }

    @Test
    void passesJvmOptionsThenJavaOptsThenTheInstallationToTheJvm() throws IOException
    {
        List<String> fromFile =
                Files.readAllLines(installation.home().resolve("conf/jvm.options")).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();
        Path socket = installation.socketPath();

        try (BinderyProcess server =
                installation
                        .launch("run")
                        .env("HTTP_BINDING_ADDRESS", socket.toString())
                        .env("JAVA_OPTS", "  -Ddist.test.marker=*  -Xss1m ")
                        .start()) {
            server.awaitHealthy();
            List<String> arguments = Processes.commandLine(server.pid()).orElseThrow();

            // conf/jvm.options in order, comments dropped, then the launcher's
            // class-data sharing options, then JAVA_OPTS split on blanks (no file
            // name expansion of "*"), so JAVA_OPTS wins a conflict.
            assertThat(arguments.subList(1, 1 + fromFile.size())).isEqualTo(fromFile);
            int javaOpts = arguments.indexOf("-Ddist.test.marker=*");
            assertThat(arguments.subList(1 + fromFile.size(), javaOpts))
                    .allMatch(ClassDataSharingTest::isSharingOption);
            assertThat(arguments.subList(javaOpts, javaOpts + 2))
                    .containsExactly("-Ddist.test.marker=*", "-Xss1m");
            assertThat(arguments).contains("-Dbindery.home=" + installation.home());
            assertThat(arguments.subList(arguments.size() - 2, arguments.size()))
                    .containsExactly("dev.bindery.app.Main", "run");
            server.terminate();
        }
    }

    @Test
    void runsAsAnotherUserThroughSetprivWithTheSamePid() throws IOException
    {
        assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        assumeTrue(Processes.isRoot(), "switching to another user with setpriv needs root");
        Path shared = installation.newDirectory("shared");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path socket = shared.resolve("nobody.sock");

        try (BinderyProcess server =
                installation
                        .launch("run")
                        .asUser(NOBODY, NOBODY)
                        .env("HTTP_BINDING_ADDRESS", socket.toString())
                        .start()) {
            assertThat(server.awaitHealthy().status()).isEqualTo(200);

            // setpriv and the launcher both exec: the pid started is the JVM, as nobody.
            assertThat(Processes.name(server.pid())).contains("java");
            assertThat(Processes.status(server.pid(), "Uid")).startsWith(NOBODY + "\t");
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void keepsTheUmaskOfTheShellThatStartsIt()
    {
        Path socket = installation.socketPath();

        try (BinderyProcess server =
                installation
                        .launch("run")
                        .umask("027")
                        .env("HTTP_BINDING_ADDRESS", socket.toString())
                        .start()) {
            server.awaitHealthy();

            assertThat(Processes.name(server.pid())).contains("java");
            assertThat(Processes.status(server.pid(), "Umask")).isEqualTo("0027");
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void refusesJavaOlderThan17AndSaysWhichJavaItFound() throws IOException
    {
        Path oldJava = fakeJava("old-java", "11.0.2");

        BinderyProcess launcher =
                installation.launch("run").env("JAVA_HOME", oldJava.toString()).run();

        assertThat(launcher.exitStatus()).isEqualTo(1);
        assertThat(launcher.stderr()).contains(
                oldJava.resolve("bin/java").toString(), "11.0.2", "Java 17 or newer", "JAVA_HOME");
        assertThat(launcher.stdout()).isEmpty();
    }

    @Test
    void findsJavaOnThePathWithoutJavaHome() throws IOException
    {
        String tools = "/usr/local/bin:/usr/bin:/bin";
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");

        BinderyProcess version = installation.launch("version")
                .withoutEnv("JAVA_HOME")
                .env("PATH", javaBin + ":" + tools)
                .run();
        assertThat(version.exitStatus()).as(version.output()).isZero();

        // The first java on the PATH is the one judged, and named when refused.
        Path oldJava = fakeJava("old-java-on-path", "1.8.0_392");
        BinderyProcess refused = installation.launch("version")
                .withoutEnv("JAVA_HOME")
                .env("PATH", oldJava.resolve("bin") + ":" + javaBin + ":" + tools)
                .run();
        assertThat(refused.exitStatus()).isEqualTo(1);
        assertThat(refused.stderr()).contains(oldJava.resolve("bin/java") + " is Java 1.8.0_392");
    }

    @Test
    void refusesAJavaHomeWithoutJava()
    {
        Path empty = installation.newDirectory("not-a-java-home");

        BinderyProcess launcher =
                installation.launch("run").env("JAVA_HOME", empty.toString()).run();

        assertThat(launcher.exitStatus()).isEqualTo(1);
        assertThat(launcher.stderr()).contains(empty + "/bin/java", "JAVA_HOME");
    }

    @Test
    void passesOtherCommandsToTheServer()
    {
        BinderyProcess version = installation.launch("version").run();
        assertThat(version.exitStatus()).isZero();
        assertThat(version.output()).contains(Installation.version());

        // The server, not the launcher, judges its own commands.
        BinderyProcess bogus = installation.launch("bogus-command").run();
        assertThat(bogus.exitStatus()).isEqualTo(64);
        assertThat(bogus.output()).contains("bogus-command");
    }

    @Test
    void helpListsTheLauncherCommands()
    {
        BinderyProcess help = installation.launch("help").run();

        assertThat(help.exitStatus()).isZero();
        assertThat(help.stdout())
                .contains("run", "start", "stop", "restart", "status", "JAVA_HOME");
    }

    @Test
    void rejectsArgumentsToLauncherCommandsAsBadUsage()
    {
        BinderyProcess status = installation.launch("status", "now").run();

        assertThat(status.exitStatus()).isEqualTo(64);
        assertThat(status.stderr()).contains("status takes no arguments", "Usage:");
    }

    @Test
    void reportsABadBindingAddressInOneLineWithStatus78()
    {
        BinderyProcess server =
                installation.launch("run").env("HTTP_BINDING_ADDRESS", "not-an-address").run();

        assertThat(server.exitStatus()).isEqualTo(78);
        assertThat(server.outputLines())
                .anyMatch(line -> line.contains("HTTP_BINDING_ADDRESS")
                        && line.contains("not-an-address"));
        // A configuration error is one clear line, not a stack trace.
        assertThat(server.outputLines()).noneMatch(line -> line.startsWith("\tat "));
    }

    /** A JAVA_HOME whose bin/java only prints a version, as `java -version` does. */
    private static Path fakeJava(String name, String version) throws IOException
    {
        Path home = installation.newDirectory(name);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java,
                "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2019-01-15' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
