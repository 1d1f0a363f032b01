package dev.bindery.transport.uds;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@link ServeMain} in a process of its own, optionally run through a prefix such as setpriv. */
final class ServerProcess implements AutoCloseable
{
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ServerProcess(Process process)
    {
        this.process = process;
        Thread reader = new Thread(this::readLines, "server-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ServerProcess start(List<String> prefix, String classpath, Path socket, String... arguments)
            throws IOException
    {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", classpath, ServeMain.class.getName(), socket.toString()));
        command.addAll(List.of(arguments));
        return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    static ServerProcess start(Path socket, String... arguments) throws IOException
    {
        return start(List.of(), System.getProperty("java.class.path"), socket, arguments);
    }

    /** The first line that names the outcome: SERVING, BINDING: ..., CONFIGURATION: ... or FAILED: ... */
    String outcome() throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("SERVING") || line.matches("(BINDING|CONFIGURATION|FAILED): .*")) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("the server process said nothing conclusive in 30 s; it printed " + seen);
    }

    /** Closes its standard input, which asks it to stop, and returns its exit status. */
    int stop() throws Exception
    {
        process.getOutputStream().close();
        return exitStatus();
    }

    int exitStatus() throws InterruptedException
    {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server process did not exit in 30 s");
        }
        return process.exitValue();
    }

    /** Ends it as a crash would: SIGKILL, no chance to clean up. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long pid()
    {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException
    {
        if (process.isAlive()) {
            kill();
        }
    }

    private void readLines()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[server process] " + line);
                lines.add(line);
            }
        }
        catch (IOException e) {
            // the process ended
        }
    }
}
