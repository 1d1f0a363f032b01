package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How to run {@code bin/bindery} once: arguments, environment, working
 * directory, and optionally another user or umask. Then {@link #start()} for a
 * server that keeps running, or {@link #run()} for a command that ends.
 *
 * <p>By default the environment carries none of Bindery's own variables from
 * the build's environment, JAVA_HOME is the Java running the tests, and the
 * working directory is the installation's temporary root, not its home, so
 * every test also shows that the launcher does not depend on the cwd.
 */
final class Launch
{
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Variables that would change the server's behaviour if the build's shell had
     * them; every BINDERY_* variable goes too.
     */
    private static final List<String> SERVER_VARIABLES = List.of(
            "HTTP_BINDING_ADDRESS", "PORT", "SOCKET_PERM", "SOCKET_GROUP",
            "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Installation installation;
    private final List<String> arguments;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>(SERVER_VARIABLES);
    private Path launcher;
    private Path directory;
    private String umask;
    private List<String> userSwitch = List.of();
    private List<String> namespaces = List.of();

    Launch(Installation installation, List<String> arguments)
    {
        this.installation = installation;
        this.arguments = List.copyOf(arguments);
        this.launcher = installation.launcher();
        this.directory = installation.root();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    Launch env(String name, String value)
    {
        removed.remove(name);
        environment.put(name, value);
        return this;
    }

    Launch withoutEnv(String name)
    {
        environment.remove(name);
        removed.add(name);
        return this;
    }

    /** Runs this path instead of bin/bindery, such as a symbolic link to it. */
    Launch via(Path launcher)
    {
        this.launcher = launcher;
        return this;
    }

    Launch in(Path workingDirectory)
    {
        this.directory = workingDirectory;
        return this;
    }

    /** Sets the umask (such as "000") in a shell that then execs the launcher. */
    Launch umask(String mask)
    {
        this.umask = mask;
        return this;
    }

    /** Runs as this user and group, without supplementary groups (needs root). */
    Launch asUser(int uid, int gid)
    {
        this.userSwitch =
                List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
        return this;
    }

    /** Runs as this user and group with exactly these supplementary groups (needs root). */
    Launch asUser(int uid, int gid, int... groups)
    {
        if (groups.length == 0) {
            return asUser(uid, gid);
        }
        String list = IntStream.of(groups).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        this.userSwitch = List.of(
                "setpriv", "--reuid=" + uid, "--regid=" + gid, "--groups=" + list);
        return this;
    }

    /**
     * Runs in a network namespace of its own, with no interface but loopback, as
     * systemd's PrivateNetwork=yes gives a service (needs root and unshare from util-linux).
     */
    Launch withoutNetwork()
    {
        this.namespaces = List.of("unshare", "--net");
        return this;
    }

    /**
     * The command line. Each wrapper execs the next, so the process started here
     * becomes, in the end, the JVM itself with the same pid.
     */
    List<String> command()
    {
        List<String> command = new ArrayList<>(namespaces);
        command.addAll(userSwitch);
        if (umask != null) {
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
        }
        command.add(launcher.toString());
        command.addAll(arguments);
        return command;
    }

    /** Starts the launcher and returns at once; the output goes to files under the root. */
    BinderyProcess start()
    {
        ProcessBuilder builder = new ProcessBuilder(command()).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BINDERY_"));
        removed.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);

        Path outputs = installation.newDirectory("output");
        String name = "run-" + RUNS.incrementAndGet();
        Path stdout = outputs.resolve(name + ".out");
        Path stderr = outputs.resolve(name + ".err");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            return new BinderyProcess(builder.start(), environment, stdout, stderr);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Unable to run " + command(), e);
        }
    }

    /** Runs a command that is expected to end (help, status, a failing start), and waits. */
    BinderyProcess run()
    {
        BinderyProcess process = start();
        process.awaitExit(COMMAND_TIMEOUT);
        return process;
    }

    static void symlink(Path link, Path target)
    {
        try {
            Files.createSymbolicLink(link, target);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
