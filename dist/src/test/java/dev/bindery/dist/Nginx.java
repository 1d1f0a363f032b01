package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real nginx in front of a Unix socket: the master started by the test in the foreground, in
 * a prefix directory of its own, with the shipped {@code examples/nginx/bindery.conf} included
 * in its http block. {@link #close()} stops the master and every worker.
 *
 * <p>The example is rendered, not copied: only its two placeholders change, the socket path and
 * the {@code listen} line, so the test proves the very file that operators get.
 */
final class Nginx implements AutoCloseable
{
    static final String EXAMPLE = "examples/nginx/bindery.conf";
    static final String EXAMPLE_SOCKET = "/run/bindery/bindery.sock";
    static final String EXAMPLE_LISTEN = "listen 80;";

    private static final Pattern SOCKET_LINE = Pattern.compile("server unix:(\\S+);");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(10);

    private final Process master;
    private final Path prefix;
    private final int port;

    private Nginx(Process master, Path prefix, int port)
    {
        this.master = master;
        this.prefix = prefix;
        this.port = port;
    }

    /** nginx from PATH, or from /usr/sbin where Debian installs it, or empty when absent. */
    static Optional<Path> executable()
    {
        return Processes.find("nginx");
    }

    /**
     * Starts nginx in {@code prefix}, its workers as {@code workerUser} (the master runs as
     * root), listening on a free port of 127.0.0.1 and proxying to {@code socket}.
     */
    static Nginx start(Installation installation, Path prefix, Path socket, String workerUser)
    {
        Path nginx = executable().orElseThrow(() -> new IllegalStateException("no nginx"));
        int port = freePort();
        Path site = prefix.resolve("bindery.conf");
        Path conf = prefix.resolve("nginx.conf");
        write(site, render(installation.home().resolve(EXAMPLE), socket, port));
        write(conf, mainConfiguration(prefix, site, workerUser));

        // -e: the error log before the configuration is read, instead of /var/log/nginx.
        ProcessBuilder builder = new ProcessBuilder(
                nginx.toString(),
                "-p", prefix + "/",
                "-e", prefix.resolve("error.log").toString(),
                "-c", conf.toString(),
                "-g", "daemon off; pid " + prefix.resolve("nginx.pid") + ";")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process master;
        try {
            master = builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Unable to run " + builder.command(), e);
        }
        Nginx started = new Nginx(master, prefix, port);
        started.awaitListening();
        return started;
    }

    /**
     * The example with its socket path and listen line replaced. Each placeholder must be there
     * exactly once, so that a change to the example cannot leave the test proving something else.
     */
    static String render(Path example, Path socket, int port)
    {
        String text = read(example);
        requireOnce(text, EXAMPLE_SOCKET, example);
        requireOnce(text, EXAMPLE_LISTEN, example);
        return text.replace(EXAMPLE_SOCKET, socket.toString())
                .replace(EXAMPLE_LISTEN, "listen 127.0.0.1:" + port + ";");
    }

    /** The socket path in the example's {@code server unix:...;} line. */
    static String exampleSocket(Path home)
    {
        Matcher matcher = SOCKET_LINE.matcher(read(home.resolve(EXAMPLE)));
        if (!matcher.find()) {
            throw new AssertionError("no \"server unix:...;\" line in " + EXAMPLE);
        }
        return matcher.group(1);
    }

    int port()
    {
        return port;
    }

    long masterPid()
    {
        return master.pid();
    }

    boolean isAlive()
    {
        return master.isAlive();
    }

    /** The worker processes' pids; a reload would replace them with new ones. */
    List<Long> workerPids()
    {
        return master.children().map(ProcessHandle::pid).sorted().toList();
    }

    String errorLog()
    {
        Path log = prefix.resolve("error.log");
        return Files.exists(log) ? read(log) : "";
    }

    /** Stops nginx: SIGQUIT for a graceful stop, then SIGKILL to the workers and the master. */
    @Override
    public void close()
    {
        if (master.isAlive()) {
            Processes.runQuietly(List.of("kill", "-s", "QUIT", Long.toString(master.pid())),
                    Launch.COMMAND_TIMEOUT);
            awaitExit(QUIT_TIMEOUT);
        }

        // Workers outlive a killed master, so they go first.
        master.descendants().forEach(ProcessHandle::destroyForcibly);
        if (master.isAlive()) {
            master.destroyForcibly();
            awaitExit(QUIT_TIMEOUT);
        }
    }

    private static String mainConfiguration(Path prefix, Path site, String workerUser)
    {
        // Every path nginx writes to lies under the prefix; the master creates the temporary
        // directories and gives them to the worker user. Bodies above a few KiB go through them.
        return String.join("\n",
                "user " + workerUser + ";",
                "worker_processes 1;",
                "error_log " + prefix.resolve("error.log") + " notice;",
                "events {",
                "    worker_connections 64;",
                "}",
                "http {",
                "    access_log " + prefix.resolve("access.log") + ";",
                "    client_body_temp_path " + prefix.resolve("client-body") + ";",
                "    proxy_temp_path " + prefix.resolve("proxy") + ";",
                "    fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "    scgi_temp_path " + prefix.resolve("scgi") + ";",
                "    include " + site + ";",
                "}",
                "");
    }

    private void awaitListening()
    {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!master.isAlive()) {
                throw new AssertionError("nginx exited with " + master.exitValue()
                        + " at start:\n" + read(prefix.resolve("nginx.out")) + errorLog());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            }
            catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    close();
                    throw new AssertionError("nginx not listening on port " + port + " within "
                            + START_TIMEOUT + ":\n" + errorLog());
                }
                BinderyProcess.sleep(Duration.ofMillis(50));
            }
        }
    }

    private void awaitExit(Duration timeout)
    {
        try {
            master.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The kernel picks a port that is free now; nginx binds it a moment later.
    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireOnce(String text, String placeholder, Path file)
    {
        int first = text.indexOf(placeholder);
        if (first < 0 || text.indexOf(placeholder, first + 1) >= 0) {
            throw new AssertionError(file + " must hold \"" + placeholder + "\" exactly once, "
                    + "as the placeholder the tests replace");
        }
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text)
    {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
