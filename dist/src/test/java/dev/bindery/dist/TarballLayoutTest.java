package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** What an operator finds after unpacking the tarball. */
class TarballLayoutTest
{
    private static final Pattern VARIABLE = Pattern.compile("\\[([A-Z][A-Z0-9_]*)]");
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
    void holdsEveryFileUnderOneTopDirectory() throws IOException
    {
        String top = "bindery-" + Installation.version() + "/";
        List<String> entries = listing();

        // Nothing spills into the directory where the operator unpacks.
        assertThat(entries).allMatch(entry -> entry.startsWith(top));
        assertThat(entries)
                .contains(
                        top + "bin/bindery",
                        top + "conf/application.conf",
                        top + "conf/logback.xml",
                        top + "conf/jvm.options",
                        top + "README.md",
                        top + "LICENSE",
                        top + "examples/README.md",
                        top + "examples/nginx/bindery.conf",
                        top + "examples/compose/compose.yaml",
                        top + "examples/compose/Containerfile",
                        top + "examples/systemd/bindery.service",
                        top + "lib/bindery-app-" + Installation.version() + ".jar");
    }

    @Test
    void launcherIsExecutableAndTheRestIsNot() throws IOException
    {
        Path home = installation.home();

        assertThat(Files.getPosixFilePermissions(home.resolve("bin/bindery")))
                .contains(
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
        // Configuration is readable by everyone, writable by the owner only.
        assertThat(Files.getPosixFilePermissions(home.resolve("conf/application.conf")))
                .isEqualTo(
                        Set.of(
                                PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE,
                                PosixFilePermission.GROUP_READ,
                                PosixFilePermission.OTHERS_READ));
    }

    @Test
    void libHoldsTheApplicationAndItsRuntimeLibraries() throws IOException
    {
        List<String> jars;
        try (Stream<Path> files = Files.list(installation.home().resolve("lib"))) {
            jars = files.map(file -> file.getFileName().toString()).sorted().toList();
        }

        // The modules, and a sample of what they need; `version` below proves it runs.
        assertThat(jars).allMatch(jar -> jar.endsWith(".jar"));
        assertThat(jars)
                .anyMatch(jar -> jar.startsWith("bindery-app-"))
                .anyMatch(jar -> jar.startsWith("bindery-transport-api-"))
                .anyMatch(jar -> jar.startsWith("bindery-transport-tcp-"))
                .anyMatch(jar -> jar.startsWith("bindery-transport-uds-"))
                .anyMatch(jar -> jar.startsWith("jetty-server-"))
                .anyMatch(jar -> jar.startsWith("logback-classic-"))
                .anyMatch(jar -> jar.startsWith("guice-"))
                .anyMatch(jar -> jar.startsWith("config-"));
        // Test libraries stay out.
        assertThat(jars).noneMatch(jar -> jar.startsWith("junit-") || jar.startsWith("assertj-"));
    }

    @Test
    void applicationConfNamesEveryKeyWithItsVariableAndChangesNothing() throws IOException
    {
        String conf = Files.readString(installation.home().resolve("conf/application.conf"));

        // The table in DESIGN.md, and every key any module's reference.conf has now.
        assertThat(conf).contains(
                "bindery.http.binding-address", "HTTP_BINDING_ADDRESS",
                "bindery.http.port", "PORT",
                "bindery.unix-socket.permissions", "SOCKET_PERM",
                "bindery.unix-socket.group", "SOCKET_GROUP");
        referenceSettings().forEach((key, variable) -> {
            assertThat(conf).as("conf/application.conf").contains("#" + key + " = ");
            variable.ifPresent(name -> assertThat(conf).contains("[" + name + "]"));
        });

        // Every line is a comment, so the built-in defaults apply.
        assertThat(conf.lines()).allMatch(line -> line.isBlank() || line.startsWith("#"));
    }

    @Test
    void jvmOptionsHoldOneOptionPerLine() throws IOException
    {
        List<String> options =
                Files.readAllLines(installation.home().resolve("conf/jvm.options")).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();

        assertThat(options).isNotEmpty().allMatch(option -> option.startsWith("-"));
        assertThat(options).noneMatch(option -> option.contains(" "));
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void logbackConfigurationIsWellFormedXml() throws Exception
    {
        String xml = Files.readString(installation.home().resolve("conf/logback.xml"));

        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        assertThat(xml).contains("org.eclipse.jetty", "bindery.access");
    }

    @Test
    void buildLeavesTheSameInstallationUnpackedInTarget() throws IOException
    {
        Path unpacked = Path.of(System.getProperty("bindery.unpacked"));
        String top = "bindery-" + Installation.version() + "/";
        List<String> fromTarball =
                listing().stream()
                        .map(entry -> entry.substring(top.length()))
                        .filter(entry -> !entry.isEmpty() && !entry.endsWith("/"))
                        .sorted()
                        .toList();

        List<String> inTarget;
        try (Stream<Path> files = Files.walk(unpacked)) {
            inTarget =
                    files.filter(Files::isRegularFile)
                            .map(file -> unpacked.relativize(file).toString())
                            .sorted()
                            .toList();
        }
        assertThat(inTarget).isEqualTo(fromTarball);
        assertThat(unpacked.resolve("bin/bindery")).isExecutable();
    }

    /**
     * Every bindery.* key in the reference.conf files of the modules (on this
     * classpath through bindery-app), with the environment variable its comment
     * names in brackets, such as [PORT].
     */
    private static Map<String, Optional<String>> referenceSettings()
    {
        Map<String, Optional<String>> settings = new TreeMap<>();
        collect(ConfigFactory.parseResources("reference.conf").root(), "", settings);
        settings.keySet().removeIf(key -> !key.startsWith("bindery."));
        assertThat(settings).isNotEmpty();
        return settings;
    }

    private static void collect(
            ConfigObject object, String prefix, Map<String, Optional<String>> into)
    {
        // A ConfigObject, unlike Config.entrySet(), keeps keys whose default is null.
        object.forEach((name, value) -> {
            String key = prefix + name;
            if (value instanceof ConfigObject child) {
                collect(child, key + ".", into);
                return;
            }
            Optional<String> variable = value.origin().comments().stream()
                    .map(VARIABLE::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> matcher.group(1))
                    .findFirst();
            into.put(key, variable);
        });
    }

    private static List<String> listing() throws IOException
    {
        Process tar =
                new ProcessBuilder("tar", "-tzf", Installation.tarball().toString())
                        .redirectErrorStream(true)
                        .start();
        List<String> entries = new String(tar.getInputStream().readAllBytes()).lines().toList();
        try {
            assertThat(tar.waitFor()).as("tar -tzf exit status").isZero();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return entries;
    }
}
