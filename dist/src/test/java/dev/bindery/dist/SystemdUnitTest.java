package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/systemd/bindery.service: systemd accepts it, it keeps the promises the README makes,
 * and its ExecStart= with its Environment= serves as the unit would run it. No systemd runs
 * here, so the test plays systemd's part: the runtime directory, the user, the umask, a network
 * namespace of its own, SIGTERM to stop.
 */
class SystemdUnitTest
{
    static final String UNIT = "examples/systemd/bindery.service";
    // Where the unit expects the tarball, and the runtime directory it asks for.
    private static final String INSTALLED_AT = "/opt/bindery";
    private static final String RUNTIME_DIRECTORY = "/run/bindery";

    // Stand-ins for User=bindery and Group=bindery, and for nginx's user; no accounts needed.
    private static final int SERVICE_UID = 10000;
    private static final int SERVICE_GID = 10001;
    private static final int PROXY_UID = 10002;

    private static Installation installation;
    private static Map<String, List<String>> service;

    @BeforeAll
    static void unpack() throws IOException
    {
        installation = Installation.unpack();
        service = section(Files.readString(installation.home().resolve(UNIT)), "Service");
    }

    @AfterAll
    static void delete()
    {
        installation.close();
    }

    @Test
    void passesSystemdAnalyzeVerify() throws IOException
    {
        assumeTrue(Processes.onPath("systemd-analyze"),
                "systemd-analyze (Debian package systemd) is not installed; unit not verified");

        // verify checks that ExecStart= exists, so point it at this installation.
        Path directory = installation.newDirectory("systemd");
        Path unit = directory.resolve("bindery.service");
        Files.writeString(unit, Files.readString(installation.home().resolve(UNIT))
                .replace(INSTALLED_AT + "/", installation.home() + "/"));

        Processes.Result verify = Processes.run(
                List.of("systemd-analyze", "verify", unit.toString()), Launch.COMMAND_TIMEOUT);

        // Status 0, and not even a warning: an unknown or misspelt key is only a warning.
        assertThat(verify.exitStatus()).as(verify.output()).isZero();
        assertThat(verify.output()).isBlank();
    }

    @Test
    void declaresItsUserSocketRestartsAndHardening()
    {
        // Its own user, never root; the socket where the nginx example looks for it.
        assertThat(value("User")).isNotEqualTo("root");
        assertThat(value("RuntimeDirectory")).isEqualTo("bindery");
        assertThat(value("RuntimeDirectoryMode")).isEqualTo("0750");
        String socket = environment().get("HTTP_BINDING_ADDRESS");
        assertThat(socket).startsWith(RUNTIME_DIRECTORY + "/")
                .isEqualTo(Nginx.exampleSocket(installation.home()));
        assertThat(value("ExecStart")).isEqualTo(INSTALLED_AT + "/bin/bindery run");

        // A configuration error is not retried; a stop during JVM startup (143) is a clean one.
        assertThat(value("Restart")).isEqualTo("on-failure");
        assertThat(value("RestartPreventExitStatus").split(" ")).contains("78");
        assertThat(value("SuccessExitStatus").split(" ")).contains("143");

        // SIGTERM, and enough time to drain before systemd sends SIGKILL.
        assertThat(value("KillSignal")).isEqualTo("SIGTERM");
        Duration grace = ConfigFactory.parseResources("reference.conf")
                .getDuration("bindery.http.shutdown-grace");
        assertThat(seconds(value("TimeoutStopSec"))).isGreaterThan(grace);

        // A socket-only server runs without a network.
        assertThat(value("PrivateNetwork")).isEqualTo("yes");
        assertThat(value("NoNewPrivileges")).isEqualTo("yes");
        assertThat(value("ProtectSystem")).isEqualTo("strict");
    }

    @Test
    void execStartServesTheGroupWithoutNetworkAndStopsWithStatusZero() throws IOException
    {
        assumeTrue(Processes.isRoot(), "running as the unit's user with setpriv needs root");
        assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        assumeTrue(Processes.onPath("unshare"), "unshare (util-linux) is not installed");
        assumeTrue(Processes.onPath("curl"), "curl is not installed");

        // RuntimeDirectory=: created for the unit's user and group, with the unit's mode.
        Path runtime = installation.newDirectory("run-bindery");
        Files.setAttribute(runtime, "unix:uid", SERVICE_UID);
        Files.setAttribute(runtime, "unix:gid", SERVICE_GID);
        Files.setPosixFilePermissions(runtime, modeOf(value("RuntimeDirectoryMode")));

        // ExecStart= run from this installation, with Environment= and UMask= applied.
        List<String> execStart = Arrays.asList(value("ExecStart").split(" "));
        assertThat(execStart.get(0)).isEqualTo(INSTALLED_AT + "/bin/bindery");
        Launch launch = installation.launch(execStart.subList(1, execStart.size())
                        .toArray(String[]::new))
                .asUser(SERVICE_UID, SERVICE_GID)
                .umask(value("UMask"))
                .withoutNetwork();
        environment().forEach((name, text) ->
                launch.env(name, text.replace(RUNTIME_DIRECTORY, runtime.toString())));
        Path socket = Path.of(environment().get("HTTP_BINDING_ADDRESS")
                .replace(RUNTIME_DIRECTORY, runtime.toString()));

        try (BinderyProcess server = launch.start()) {
            // Served across network namespaces: a socket file is not bound to one.
            server.awaitHealthy();
            Path namespace = Path.of("/proc", Long.toString(server.pid()), "ns/net");
            assertThat(Files.readSymbolicLink(namespace))
                    .as("the server's network namespace")
                    .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
            assertThat(Processes.status(server.pid(), "Uid")).startsWith(SERVICE_UID + "\t");

            // Mode 0660 in the service's group, in a directory only that group may enter.
            assertThat(Files.getPosixFilePermissions(socket))
                    .isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
            assertThat(Files.getAttribute(socket, "unix:gid")).isEqualTo(SERVICE_GID);

            // nginx's user, once in the group, gets through; outside it, it does not.
            assertThat(healthAs(socket, PROXY_UID, SERVICE_GID).output()).isEqualTo("200");
            Processes.Result outsider = healthAs(socket, PROXY_UID, PROXY_UID);
            assertThat(outsider.exitStatus()).as("curl's status for an outsider").isNotZero();
            assertThat(outsider.output()).isNotEqualTo("200");

            assertThat(server.terminate()).as("exit status after SIGTERM").isZero();
            assertThat(socket).doesNotExist();
        }
    }

    /** GET /health on the socket as this user with this one group; curl prints the status. */
    private static Processes.Result healthAs(Path socket, int uid, int group)
    {
        return Processes.run(List.of(
                        "setpriv", "--reuid=" + uid, "--regid=" + uid, "--groups=" + group,
                        "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "10",
                        "--unix-socket", socket.toString(), "http://localhost/health"),
                Launch.COMMAND_TIMEOUT);
    }

    private static String value(String key)
    {
        List<String> values = service.getOrDefault(key, List.of());
        assertThat(values).as("%s= in [Service] of %s", key, UNIT).hasSize(1);
        return values.get(0);
    }

    /** Environment=NAME=value lines; quoting and several pairs on one line are not used. */
    private static Map<String, String> environment()
    {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String assignment : service.getOrDefault("Environment", List.of())) {
            assertThat(assignment).as("Environment=%s", assignment).doesNotContain("\"", " ");
            int equals = assignment.indexOf('=');
            environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return environment;
    }

    /** Keys of one section of a unit file, each with its values in order. */
    private static Map<String, List<String>> section(String unit, String name)
    {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : unit.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = line;
                continue;
            }
            if (("[" + name + "]").equals(current)) {
                int equals = line.indexOf('=');
                keys.computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
        }
        return keys;
    }

    private static Duration seconds(String timespan)
    {
        assertThat(timespan).as("a time span in seconds, such as 45s").matches("\\d+s?");
        return Duration.ofSeconds(Long.parseLong(timespan.replace("s", "")));
    }

    // An octal mode such as 0750.
    private static Set<PosixFilePermission> modeOf(String octal)
    {
        int mode = Integer.parseInt(octal, 8);
        String symbolic = "";
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            symbolic += ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-")
                    + ((bits & 1) != 0 ? "x" : "-");
        }
        return PosixFilePermissions.fromString(symbolic);
    }
}
