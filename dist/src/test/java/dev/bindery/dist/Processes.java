package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process chores for the tests: run a tool, read /proc, end leftovers. */
final class Processes
{
    private Processes() {}

    /** What a command that ran to its end printed (standard output, then error) and returned. */
    record Result(int exitStatus, String output) {}

    /** Runs a helper command (tar, ln) and fails the test with its output if it fails. */
    static void runQuietly(List<String> command, Duration timeout)
    {
        Result result = run(command, timeout);
        if (result.exitStatus() != 0) {
            throw new AssertionError(
                    command + " exited with " + result.exitStatus() + ": " + result.output());
        }
    }

    /** Runs a command to its end, whatever its status; fails the test if it does not end. */
    static Result run(List<String> command, Duration timeout)
    {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** The arguments of a running process, from /proc (Linux), or empty if it is gone. */
    static Optional<List<String>> commandLine(long pid)
    {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String text = new String(raw, StandardCharsets.UTF_8);
            return Optional.of(List.of(text.split("\0")));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The executable's short name from /proc (Linux), such as "java" or "sh". */
    static Optional<String> name(long pid)
    {
        try {
            Path comm = Path.of("/proc", Long.toString(pid), "comm");
            return Optional.of(Files.readString(comm).strip());
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process exists and has not exited. A server started with
     * `bindery start` is no child of the tests: once it exits it may stay a
     * zombie until init reaps it, and a zombie is not running.
     */
    static boolean isRunning(long pid)
    {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state ...; comm may itself hold parentheses.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Waits until the process is no longer running; fails after the timeout. */
    static void awaitGone(long pid, Duration timeout)
    {
        Instant deadline = Instant.now().plus(timeout);
        while (isRunning(pid)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("process " + pid + " still running after " + timeout);
            }
            BinderyProcess.sleep(Duration.ofMillis(50));
        }
    }

    /** A field of /proc/<pid>/status, such as "Uid" or "Umask", without its name. */
    static String status(long pid, String field)
    {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).strip())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "no " + field + " in /proc/" + pid + "/status"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the tests run as root (real uid 0), as needed to switch users. */
    static boolean isRoot()
    {
        return status(ProcessHandle.current().pid(), "Uid").startsWith("0\t");
    }

    /** Whether a command of this name is in a directory on PATH. */
    static boolean onPath(String command)
    {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    /**
     * A command from a directory on PATH, or else from /usr/sbin and /sbin, where Debian puts
     * nginx: a build run by a user (or CI) without the sbin directories on PATH still finds it.
     */
    static Optional<Path> find(String command)
    {
        List<String> directories = new ArrayList<>(
                List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        directories.addAll(List.of("/usr/sbin", "/sbin"));
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Kills (SIGKILL) every process whose command line names this installation. */
    static void killAll(Path home)
    {
        String marker = "-Dbindery.home=" + home;
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(process -> commandLine(process.pid()).orElse(List.of()).contains(marker))
                .toList();
        servers.forEach(ProcessHandle::destroyForcibly);
        servers.forEach(process -> awaitGone(process.pid(), Duration.ofSeconds(10)));
    }
}
