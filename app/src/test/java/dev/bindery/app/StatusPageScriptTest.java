package dev.bindery.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The status page's script, run by Node.js against the real {@code /api/status}: which WebSocket
 * URL it opens, directly and behind a proxy. Skipped where {@code node} is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageScriptTest
{
    private RunningApp app;
    private Path directory;

    @BeforeAll
    void start() throws Exception
    {
        assumeTrue(nodeIsInstalled(), "node (Node.js) is not on the PATH; the page's script is not run");
        app = RunningApp.overTcp(Map.of());
        directory = Files.createTempDirectory("page");
        copyResource("/dev/bindery/app/web/index.js", directory.resolve("index.js"));
        copyResource("/dev/bindery/app/page-harness.js", directory.resolve("harness.js"));
    }

    @AfterAll
    void stop() throws Exception
    {
        if (app != null) {
            app.close();
        }
        if (directory != null) {
            RunningApp.deleteTree(directory);
        }
    }

    @Test
    void opensTheLiveSocketBesideThePageWhenServedDirectly() throws Exception
    {
        String status = app.get("/api/status").getContentAsString();
        String page = "http://127.0.0.1:" + app.base.getPort() + "/";

        String result = runPage(page, status);

        assertThat(result).startsWith("{\"opened\":[\"ws://127.0.0.1:" + app.base.getPort() + "/live\"")
                .endsWith("\"warning\":null}");
    }

    @Test
    void opensTheForwardedLiveUrlBehindAProxyOnHttpsUnderAPrefix() throws Exception
    {
        String status = app.get("/api/status",
                "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "example.com",
                "X-Forwarded-Prefix", "/bindery").getContentAsString();

        String result = runPage("https://example.com/bindery/", status);

        assertThat(result).startsWith("{\"opened\":[\"wss://example.com/bindery/live\"")
                .endsWith("\"warning\":null}");
    }

    @Test
    void warnsAndFallsBackToThePagesOwnUrlWhenTheProxyForwardsNothing() throws Exception
    {
        // Reached through a proxy on https that sends no X-Forwarded-* headers
        String status = app.get("/api/status").getContentAsString();

        String result = runPage("https://example.com/bindery/", status);

        String internal = "ws://127.0.0.1:" + app.base.getPort() + "/live";
        assertThat(result).startsWith("{\"opened\":[\"" + internal + "\",\"wss://example.com/bindery/live\"")
                .contains("The server sees this page at " + internal, "X-Forwarded-Proto");
    }

    private String runPage(String location, String status) throws Exception
    {
        Process node = new ProcessBuilder("node", directory.resolve("harness.js").toString(),
                directory.resolve("index.js").toString(), location, status)
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.exitValue()).as("node's exit status; output: %s", output).isZero();
        return output;
    }

    private static boolean nodeIsInstalled()
    {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
        }
        catch (Exception e) {
            return false;
        }
    }

    private static void copyResource(String name, Path target) throws Exception
    {
        try (InputStream in = StatusPageScriptTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, target);
        }
    }
}
