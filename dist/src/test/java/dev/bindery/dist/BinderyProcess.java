package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code bin/bindery}, started by {@link Launch}. Its standard output
 * and error go to files, so they can be read at any time, and closing it kills
 * the process if it is still running.
 */
final class BinderyProcess implements AutoCloseable
{
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    // The server's own log line, such as "Listening on 127.0.0.1:4000".
    private static final Pattern LISTENING_TCP = Pattern.compile("Listening on \\S*:(\\d+)");

    private final Process process;
    private final Map<String, String> environment;
    private final Path stdout;
    private final Path stderr;

    BinderyProcess(Process process, Map<String, String> environment, Path stdout, Path stderr)
    {
        this.process = process;
        this.environment = Map.copyOf(environment);
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The launcher's pid; under `run` the launcher execs, so this is the JVM's pid too. */
    long pid()
    {
        return process.pid();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    String stdout()
    {
        return read(stdout);
    }

    String stderr()
    {
        return read(stderr);
    }

    /** Standard output, then standard error. */
    String output()
    {
        return stdout() + stderr();
    }

    List<String> outputLines()
    {
        return output().lines().toList();
    }

    /** Waits for the process to end and returns its exit status; fails after the timeout. */
    int awaitExit(Duration timeout)
    {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("bin/bindery still running after " + timeout
                        + "; output so far:\n" + output());
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for bin/bindery", e);
        }
    }

    /** The exit status of a process that has ended. */
    int exitStatus()
    {
        return process.exitValue();
    }

    /** Sends SIGTERM and returns the exit status once the process has ended. */
    int terminate()
    {
        process.destroy();
        return awaitExit(STOP_TIMEOUT);
    }

    /** Sends a signal by name, such as "INT" or "KILL". */
    void signal(String name)
    {
        Processes.runQuietly(
                List.of("kill", "-s", name, Long.toString(pid())), Launch.COMMAND_TIMEOUT);
    }

    /** Waits until standard output or error contains the text. */
    void awaitOutput(String text, Duration timeout)
    {
        awaitCondition(() -> output().contains(text), timeout,
                "output containing \"" + text + "\"");
    }

    /**
     * Where this server listens, from its environment: the Unix socket path in
     * HTTP_BINDING_ADDRESS, or else the TCP port (from PORT, or from the
     * server's log when PORT is 0) on the loopback address.
     */
    SocketAddress address()
    {
        String binding = environment.getOrDefault("HTTP_BINDING_ADDRESS", "");
        if (binding.startsWith("/") || binding.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(binding.replaceFirst("^unix:", ""));
        }
        String host = binding.isEmpty() ? "127.0.0.1" : binding.replaceAll("^\\[|]$", "");
        String port = environment.getOrDefault("PORT", "4000");
        if (port.equals("0")) {
            Matcher matcher = LISTENING_TCP.matcher(output());
            if (!matcher.find()) {
                throw new IllegalStateException(
                        "the server has not logged its port yet:\n" + output());
            }
            port = matcher.group(1);
        }
        return new InetSocketAddress(host, Integer.parseInt(port));
    }

    /** Waits until GET /health answers 200, failing early if the process ends. */
    HttpProbe.Response awaitHealthy()
    {
        HttpProbe.Response[] last = new HttpProbe.Response[1];
        awaitCondition(
                () -> {
                    if (!isAlive()) {
                        throw new AssertionError("bin/bindery exited with "
                                + process.exitValue() + " before serving:\n" + output());
                    }
                    last[0] = tryHealth().orElse(null);
                    return last[0] != null && last[0].status() == 200;
                },
                STARTUP_TIMEOUT,
                "GET /health to answer 200");
        return last[0];
    }

    private Optional<HttpProbe.Response> tryHealth()
    {
        try {
            return Optional.of(HttpProbe.get(address(), "/health"));
        }
        catch (IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Kills the process (SIGKILL), and any child of it, if it is still running. */
    @Override
    public void close()
    {
        // A child exists only if the launcher has not reached exec yet (java -version).
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    private void awaitCondition(BooleanSupplier condition, Duration timeout, String what)
    {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "no " + what + " within " + timeout + "; output:\n" + output());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration)
    {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
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
}
