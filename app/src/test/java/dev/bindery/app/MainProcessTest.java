package dev.bindery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Main} as its own process, the way {@code bin/bindery run} starts it. */
class MainProcessTest
{
    private Path directory;
    private Process process;

    @BeforeEach
    void createDirectory() throws Exception
    {
        directory = Files.createTempDirectory(Path.of("/tmp"), "app");
    }

    @AfterEach
    void cleanUp() throws Exception
    {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        RunningApp.deleteTree(directory);
    }

    @Test
    void drainsAndExitsWithZeroOnSigterm() throws Exception
    {
        Path socket = directory.resolve("bindery.sock");
        process = start(Map.of("HTTP_BINDING_ADDRESS", socket.toString()), List.of("run"));

        HttpClient client = new HttpClient();
        client.start();
        try {
            assertThat(healthWhenUp(client, socket)).isEqualTo(200);
        }
        finally {
            client.stop();
        }

        // Process.destroy() sends SIGTERM
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();

        assertThat(process.exitValue()).isEqualTo(0);
        assertThat(output()).contains("Listening on unix:" + socket, "Started in", "Received SIGTERM", "Stopping", "Stopped");
        assertThat(socket).doesNotExist();
    }

    @Test
    void drainsAndExitsWithZeroOnSigintOverTcp() throws Exception
    {
        process = start(Map.of("HTTP_BINDING_ADDRESS", "127.0.0.1", "PORT", "0"), List.of());
        int port = portWhenListening();

        HttpClient client = new HttpClient();
        client.start();
        try {
            assertThat(client.GET("http://127.0.0.1:" + port + "/health").getStatus()).isEqualTo(200);
        }
        finally {
            client.stop();
        }

        // What Ctrl-C in a terminal sends
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();

        assertThat(process.exitValue()).isEqualTo(0);
        assertThat(output()).contains("Received SIGINT", "Stopped");
    }

    @Test
    void exitsWith73AndOneErrorLineWhenThePortIsTaken() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            process = start(Map.of("HTTP_BINDING_ADDRESS", "127.0.0.1", "PORT", String.valueOf(taken.getLocalPort())), List.of());

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(process.exitValue()).isEqualTo(73);
        List<String> errors = output().lines().filter(line -> line.contains("ERROR")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("address already in use");
        assertThat(output()).doesNotContain("\tat ");
    }

    @Test
    void exitsWith78AndOneLineOnABadBindingAddress() throws Exception
    {
        process = start(Map.of("HTTP_BINDING_ADDRESS", "bogus"), List.of());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(78);
        List<String> lines = output().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("ERROR", "HTTP_BINDING_ADDRESS", "\"bogus\"");
    }

    @Test
    void exitsWith78AndOneLineOnABadTrustedProxyRange() throws Exception
    {
        process = start(Map.of("BINDERY_TRUSTED_PROXIES", "127.0.0.0/8,10.0.0.0/33"), List.of());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(78);
        List<String> lines = output().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("ERROR", "BINDERY_TRUSTED_PROXIES", "\"10.0.0.0/33\"",
                "from 0 to 32");
    }

    @Test
    void exitsWith64OnAnUnknownCommand() throws Exception
    {
        process = start(Map.of(), List.of("frobnicate"));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(64);
        assertThat(output()).contains("Unknown command: frobnicate", Main.USAGE);
    }

    @Test
    void printsTheVersion() throws Exception
    {
        process = start(Map.of(), List.of("version"));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(0);
        assertThat(output().strip()).isEqualTo("bindery 0.1.0-SNAPSHOT");
    }

    private Process start(Map<String, String> environment, List<String> arguments) throws Exception
    {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath,
                Main.class.getName()));
        command.addAll(arguments);

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.log").toFile());
        // Only the variables this test gives, whatever the environment running the tests holds
        builder.environment().keySet().removeIf(name -> dev.bindery.app.config.SettingTable.ALL.stream()
                .anyMatch(setting -> setting.variable().equals(name)));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private int healthWhenUp(HttpClient client, Path socket) throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(socket)) {
                try {
                    ContentResponse response = client.newRequest("http://localhost/health")
                            .transport(new Transport.TCPUnix(socket))
                            .timeout(5, TimeUnit.SECONDS)
                            .send();
                    return response.getStatus();
                }
                catch (java.util.concurrent.ExecutionException e) {
                    // Not accepting yet
                }
            }
            assertThat(process.isAlive()).as("server process alive; output: %s", output()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("No answer on " + socket + " within 30 s; output: " + output());
    }

    private int portWhenListening() throws Exception
    {
        Pattern listening = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(output());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            assertThat(process.isAlive()).as("server process alive; output: %s", output()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("Not listening within 30 s; output: " + output());
    }

    private String output() throws Exception
    {
        return Files.readString(directory.resolve("output.log"));
    }
}
