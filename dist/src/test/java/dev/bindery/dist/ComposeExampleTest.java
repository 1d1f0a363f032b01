package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/compose/compose.yaml cannot run here (no container engine), so this test checks
 * that it agrees with what does run: the nginx example's socket path, the server's variables,
 * the Containerfile, and the README's instructions. Each check reads the shipped files.
 */
class ComposeExampleTest
{
    private static final String COMPOSE = "examples/compose/compose.yaml";
    private static final String README_SECTION = "## Running on a Unix socket behind nginx";

    private static Installation installation;
    private static Path composeDirectory;
    private static Map<String, Object> services;
    private static Map<String, Object> volumes;

    @BeforeAll
    static void unpack() throws IOException
    {
        installation = Installation.unpack();
        Path compose = installation.home().resolve(COMPOSE);
        composeDirectory = compose.getParent();
        Map<String, Object> document = SimpleYaml.parse(Files.readString(compose));
        services = map(document, "services");
        volumes = map(document, "volumes");
    }

    @AfterAll
    static void delete()
    {
        installation.close();
    }

    @Test
    void serverListensOnASocketInAMountedDirectoryWithoutNetwork()
    {
        Map<String, Object> server = map(services, "bindery");
        Map<String, Object> environment = map(server, "environment");
        Path socket = Path.of(string(environment, "HTTP_BINDING_ADDRESS"));

        // A socket any user may open, in a directory that only nginx and the server can enter.
        assertThat(socket).isAbsolute();
        assertThat(string(environment, "SOCKET_PERM")).isEqualTo("666");
        assertThat(string(server, "user")).isEqualTo("10000:10001");

        // The named volume is mounted as the socket's directory, never as the socket file.
        assertThat(mounts(server)).contains(sharedVolume() + ":" + socket.getParent());
        assertThat(mounts(server)).noneMatch(mount -> mount.contains(socket.toString()));

        // No network: nothing published, nothing to publish it on.
        assertThat(server).doesNotContainKey("ports");
        assertThat(string(server, "network_mode")).isEqualTo("none");

        // Docker's SIGKILL waits longer than the server's drain.
        Duration grace = ConfigFactory.parseResources("reference.conf")
                .getDuration("bindery.http.shutdown-grace");
        assertThat(seconds(string(server, "stop_grace_period"))).isGreaterThan(grace);
    }

    @Test
    void nginxFindsTheSocketWhereTheNginxExampleLooksAndRunsThatExample()
    {
        Map<String, Object> nginx = map(services, "nginx");
        Path exampleSocket = Path.of(Nginx.exampleSocket(installation.home()));
        Path serverSocket = Path.of(string(map(map(services, "bindery"), "environment"),
                "HTTP_BINDING_ADDRESS"));

        // The same directory, mounted where bindery.conf expects the socket, under the name
        // the server gives it.
        assertThat(mounts(nginx)).contains(sharedVolume() + ":" + exampleSocket.getParent());
        assertThat(exampleSocket.getFileName()).isEqualTo(serverSocket.getFileName());

        // The shipped example, read-only, as a whole server block of nginx's configuration.
        String example = mounts(nginx).stream()
                .filter(mount -> mount.contains("bindery.conf"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nginx does not mount bindery.conf"));
        String[] parts = example.split(":");
        assertThat(composeDirectory.resolve(parts[0]).normalize())
                .isEqualTo(installation.home().resolve(Nginx.EXAMPLE))
                .exists();
        assertThat(parts[1]).startsWith("/etc/nginx/conf.d/").endsWith(".conf");
        assertThat(parts).hasSize(3).endsWith("ro");

        // Only nginx is reachable, and from this host only.
        assertThat(list(nginx, "ports")).allMatch(port -> port.toString().startsWith("127.0.0.1:"));
    }

    @Test
    void initPreparesTheDirectoryForNginxAndTheServersGroupBeforeEitherStarts()
    {
        Map<String, Object> init = map(services, "uds-init");
        String directory = mounts(init).stream()
                .filter(mount -> mount.startsWith(sharedVolume() + ":"))
                .map(mount -> mount.split(":")[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("uds-init does not mount the volume"));
        String script = String.join(" ", list(init, "command").stream()
                .map(Object::toString).toList());
        String serverGroup = string(map(services, "bindery"), "user").split(":")[1];

        // Owner nginx's worker user, group the server's group, mode 770.
        assertThat(script).containsPattern(
                "chown \\d+:" + serverGroup + " " + Pattern.quote(directory) + "\\b");
        assertThat(script).contains("chmod 770 " + directory);

        // Both wait for it to finish.
        for (String name : List.of("bindery", "nginx")) {
            assertThat(string(map(map(map(services, name), "depends_on"), "uds-init"),
                    "condition"))
                    .as("%s waits for uds-init", name)
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void containerfileRunsTheTarballAsTheComposeUser() throws IOException
    {
        Map<String, Object> build = map(map(services, "bindery"), "build");
        Path context = composeDirectory.resolve(string(build, "context")).normalize();
        Path containerfile = context.resolve(string(build, "dockerfile"));

        // The build context is the unpacked tarball, and the file is in it.
        assertThat(context).isEqualTo(installation.home());
        assertThat(containerfile).exists();

        List<String> lines = Files.readAllLines(containerfile).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(lines).contains(
                "FROM eclipse-temurin:17-jre",
                "COPY . /opt/bindery",
                "USER " + string(map(services, "bindery"), "user"),
                "ENTRYPOINT [\"/opt/bindery/bin/bindery\", \"run\"]");
    }

    @Test
    void readmeShowsTheSameServerSettingsDirectoryAndNginxLines() throws IOException
    {
        String section = readmeSection();
        Map<String, Object> composeServer = map(services, "bindery");
        Map<String, Object> readmeServer =
                map(map(SimpleYaml.parse(fencedBlock(section, "yaml")), "services"), "bindery");

        // The README's compose service: same user, variables and mount point.
        assertThat(string(readmeServer, "user")).isEqualTo(string(composeServer, "user"));
        assertThat(map(readmeServer, "environment")).isEqualTo(map(composeServer, "environment"));
        assertThat(string(readmeServer, "network_mode")).isEqualTo("none");
        String readmeMount = list(readmeServer, "volumes").get(0).toString();
        String composeMount = mounts(composeServer).get(0);
        assertThat(readmeMount.split(":")[1]).isEqualTo(composeMount.split(":")[1]);

        // Its directory setup: the same group and mode as the init service's.
        String serverGroup = string(composeServer, "user").split(":")[1];
        String hostDirectory = readmeMount.split(":")[0];
        String setup = fencedBlock(section, "sh");
        assertThat(setup).containsPattern(
                "chown [\\w-]+:" + serverGroup + " " + Pattern.quote(hostDirectory) + "\\b");
        assertThat(setup).contains("chmod 770 " + hostDirectory);

        // Its nginx lines are the example's, but for the socket's path on the host.
        String example = Files.readString(installation.home().resolve(Nginx.EXAMPLE));
        List<String> exampleLines = example.lines().map(String::strip).toList();
        for (String line : fencedBlock(section, "nginx").lines().map(String::strip).toList()) {
            if (line.startsWith("server unix:")) {
                assertThat(line).isEqualTo("server unix:" + hostDirectory + "/"
                        + Path.of(Nginx.exampleSocket(installation.home()))
                                .getFileName() + ";");
                continue;
            }
            if (!line.isEmpty()) {
                assertThat(exampleLines).as("README nginx line in %s", Nginx.EXAMPLE)
                        .anyMatch(exampleLine -> exampleLine.startsWith(line));
            }
        }
        assertThat(section).contains(Nginx.EXAMPLE, COMPOSE, SystemdUnitTest.UNIT);
    }

    /** The one named volume that the services share. */
    private static String sharedVolume()
    {
        assertThat(volumes).as("top-level volumes of %s", COMPOSE).hasSize(1);
        return volumes.keySet().iterator().next();
    }

    private static List<String> mounts(Map<String, Object> service)
    {
        return list(service, "volumes").stream().map(Object::toString).toList();
    }

    private static String readmeSection() throws IOException
    {
        String readme = Files.readString(installation.home().resolve("README.md"));
        int start = readme.indexOf(README_SECTION);
        assertThat(start).as("README section %s", README_SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + README_SECTION.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The first fenced code block of this language in the text. */
    private static String fencedBlock(String text, String language)
    {
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL)
                .matcher(text);
        assertThat(matcher.find()).as("a ```%s block", language).isTrue();
        return matcher.group(1);
    }

    private static Duration seconds(String value)
    {
        assertThat(value).as("a duration in seconds, such as 40s").matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key)
    {
        assertThat(parent.get(key)).as("%s is a map", key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key)
    {
        assertThat(parent.get(key)).as("%s is a list", key).isInstanceOf(List.class);
        return (List<Object>) parent.get(key);
    }

    private static String string(Map<String, Object> parent, String key)
    {
        assertThat(parent.get(key)).as("%s is a value", key).isInstanceOf(String.class);
        return (String) parent.get(key);
    }
}
