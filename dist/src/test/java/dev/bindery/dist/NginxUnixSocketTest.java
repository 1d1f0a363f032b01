package dev.bindery.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment Bindery exists for, for real: nginx in front, its workers as their own user,
 * the server from the tarball as an unprivileged user and group, the socket in a directory they
 * share. nginx runs the shipped examples/nginx/bindery.conf, rendered with this test's socket
 * path and port. All traffic stays on 127.0.0.1 and the Unix socket.
 */
class NginxUnixSocketTest
{
    // The server's ids, as a container would run it; neither needs an account.
    private static final int SERVER_UID = 10000;
    private static final int SERVER_GID = 10001;
    // Debian's nginx package runs its workers as www-data.
    private static final String NGINX_USER = "www-data";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int ECHO_SIZE = 1 << 20;
    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    private static Installation installation;
    private static Accounts.User nginxUser;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    private Path prefix;
    private Path socket;
    private Nginx nginx;

    @BeforeAll
    static void unpack()
    {
        assumeTrue(Nginx.executable().isPresent(),
                "nginx is not installed (neither on PATH nor in /usr/sbin); .ci/run installs it");
        assumeTrue(Processes.isRoot(),
                "nginx's workers as " + NGINX_USER + " and the server as another user need root");
        assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        nginxUser = Accounts.user(NGINX_USER).orElse(null);
        assumeTrue(nginxUser != null, "no user " + NGINX_USER + " for nginx's workers");
        installation = Installation.unpack();
    }

    @AfterAll
    static void delete()
    {
        if (installation != null) {
            installation.close();
        }
    }

    /**
     * The shared directory as the README prepares it: owner nginx's worker user, group the
     * server's group, mode 770. Both can enter it; nobody else can.
     */
    @BeforeEach
    void prepareDirectory() throws IOException
    {
        int deployment = DEPLOYMENTS.incrementAndGet();
        prefix = installation.newDirectory("nginx" + deployment);
        Path directory = installation.newDirectory("uds" + deployment);
        Files.setAttribute(directory, "unix:uid", nginxUser.uid());
        Files.setAttribute(directory, "unix:gid", SERVER_GID);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwx---"));
        socket = directory.resolve("bindery.sock");
    }

    @AfterEach
    void stopEverything()
    {
        try {
            if (nginx != null) {
                nginx.close();
            }
        }
        finally {
            Processes.killAll(installation.home());
        }
    }

    @Test
    void servesThePageTheApiHealthWebSocketAndEchoThroughNginx() throws Exception
    {
        nginx = startNginx();

        try (BinderyProcess server = server().env("SOCKET_PERM", "666").start()) {
            server.awaitHealthy();

            // The deployment is the one intended: the server as 10000, a socket any user may
            // write to, inside the closed directory, and nginx's workers as www-data.
            assertThat(Processes.status(server.pid(), "Uid")).startsWith(SERVER_UID + "\t");
            assertThat(Files.getPosixFilePermissions(socket))
                    .isEqualTo(PosixFilePermissions.fromString("rw-rw-rw-"));
            assertThat(nginx.workerPids()).isNotEmpty().allSatisfy(worker ->
                    assertThat(Processes.status(worker, "Uid")).startsWith(nginxUser.uid() + "\t"));

            // The status page.
            HttpResponse<String> page = get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<html");

            // The API: the server saw the request arrive on its Unix socket.
            HttpResponse<String> status = get("/api/status");
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(jsonField(status.body(), "transport")).isEqualTo("unix");

            // Health, as a load balancer in front of nginx would ask.
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualToIgnoringWhitespace("{\"status\":\"UP\"}");

            // The WebSocket: nginx passes the upgrade only with the example's Upgrade and
            // Connection headers; then the server's first frame is the status document.
            WebSocketProbe.Exchange live = WebSocketProbe.firstTextFrame(nginxAddress(), "/live");
            assertThat(live.responseHead()).startsWith("HTTP/1.1 101");
            assertThat(live.acceptMatches()).as("Sec-WebSocket-Accept").isTrue();
            assertThat(jsonField(live.firstText(), "transport")).isEqualTo("unix");

            // 1 MiB of random bytes through nginx's request and response buffering, intact.
            byte[] body = new byte[ECHO_SIZE];
            new Random(4).nextBytes(body);
            HttpResponse<byte[]> echo = http.send(
                    request("/api/echo")
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(echo.statusCode()).isEqualTo(200);
            assertThat(echo.body()).hasSize(ECHO_SIZE);
            assertThat(Arrays.mismatch(echo.body(), body))
                    .as("first byte that differs").isEqualTo(-1);

            assertThat(server.terminate()).as("exit status after SIGTERM").isZero();
        }
    }

    @Test
    void answers502WhileTheServerIsDownAnd200WhenItIsUpWithoutAReload() throws Exception
    {
        // nginx first, with no socket yet: it starts anyway and answers 502.
        nginx = startNginx();
        List<Long> workers = nginx.workerPids();
        assertThat(get("/health").statusCode()).isEqualTo(502);
        assertThat(nginx.errorLog()).contains("No such file or directory");

        // The server comes up: 502 until its socket is there, then 200.
        try (BinderyProcess server = server().env("SOCKET_PERM", "666").start()) {
            assertThat(awaitStatus200()).as("statuses before the first 200").containsOnly(502);

            // Stopped: SIGTERM, status 0, and nginx answers 502 again.
            assertThat(server.terminate()).as("exit status after SIGTERM").isZero();
            assertThat(socket).doesNotExist();
            assertThat(get("/health").statusCode()).isEqualTo(502);
        }

        // Started again: 200 again through the same nginx.
        try (BinderyProcess server = server().env("SOCKET_PERM", "666").start()) {
            assertThat(awaitStatus200()).containsOnly(502);
            assertThat(get("/api/status").statusCode()).isEqualTo(200);
            assertThat(server.terminate()).isZero();
        }

        // No reload happened: a reload would start new workers and log "reconfiguring".
        assertThat(nginx.isAlive()).isTrue();
        assertThat(nginx.workerPids()).isEqualTo(workers);
        assertThat(nginx.errorLog()).doesNotContain("reconfiguring");
    }

    @Test
    void defaultModeGivesNginxPermissionDeniedAndEitherFixLetsItIn() throws Exception
    {
        nginx = startNginx();

        // Mode 0660 and group 10001: www-data is neither owner nor in the group, and connecting
        // to a socket needs write permission.
        try (BinderyProcess server = server().start()) {
            server.awaitHealthy();
            assertThat(Files.getPosixFilePermissions(socket))
                    .isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
            assertThat(Files.getAttribute(socket, "unix:gid")).isEqualTo(SERVER_GID);

            assertThat(get("/health").statusCode()).isEqualTo(502);
            assertThat(nginx.errorLog()).contains("Permission denied", socket.toString());
            assertThat(server.terminate()).isZero();
        }

        // Fix one: mode 666, safe because the directory is closed to everyone else.
        try (BinderyProcess server = server().env("SOCKET_PERM", "666").start()) {
            server.awaitHealthy();
            assertThat(get("/health").statusCode()).isEqualTo(200);
            assertThat(server.terminate()).isZero();
        }

        // Fix two: keep 0660, give the socket a group nginx's user is in. The server must be a
        // member of that group itself to hand the socket to it.
        try (BinderyProcess server = installation.launch("run")
                .asUser(SERVER_UID, SERVER_GID, nginxUser.gid())
                .env("HTTP_BINDING_ADDRESS", socket.toString())
                .env("SOCKET_GROUP", Integer.toString(nginxUser.gid()))
                .start()) {
            server.awaitHealthy();
            assertThat(Files.getPosixFilePermissions(socket))
                    .isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
            assertThat(Files.getAttribute(socket, "unix:gid")).isEqualTo(nginxUser.gid());

            assertThat(get("/health").statusCode()).isEqualTo(200);
            assertThat(server.terminate()).isZero();
        }
    }

    // Proxy awareness: the server resolving X-Forwarded-For from trusted peers and reporting
    // the Unix socket peer's credentials, as nginx really sends them.

    @Test
    void statusShowsTheClientBehindNginxAndNginxsWorkerAsThePeer() throws Exception
    {
        nginx = startNginx();

        try (BinderyProcess server = server().env("SOCKET_PERM", "666").start()) {
            server.awaitHealthy();
            String status = get("/api/status").body();

            // The client's address, from the X-Forwarded-For nginx added, not null as over a
            // bare Unix socket.
            assertThat(jsonField(status, "clientAddress")).isEqualTo("127.0.0.1");
            // The peer on the socket is nginx's worker, by SO_PEERCRED.
            assertThat(jsonField(status, "uid")).isEqualTo(Integer.toString(nginxUser.uid()));
            assertThat(jsonField(status, "gid")).isEqualTo(Integer.toString(nginxUser.gid()));
            // Absolute URLs point back through nginx, on its host and port.
            assertThat(jsonField(status, "live"))
                    .isEqualTo("ws://127.0.0.1:" + nginx.port() + "/live");
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void aClientCannotForgeItsAddressThroughNginx() throws Exception
    {
        nginx = startNginx();

        // Only 127.0.0.1 is a trusted proxy, so a client on 127.0.0.2 is an outsider.
        try (BinderyProcess server = server()
                .env("SOCKET_PERM", "666")
                .env("BINDERY_TRUSTED_PROXIES", "127.0.0.1/32")
                .start()) {
            server.awaitHealthy();

            // nginx passes on "6.6.6.6, 127.0.0.2"; the rightmost untrusted hop is the client.
            String status = getFrom("127.0.0.2", "/api/status", "X-Forwarded-For: 6.6.6.6");
            assertThat(jsonField(status, "clientAddress")).isEqualTo("127.0.0.2");
            assertThat(server.terminate()).isZero();
        }
    }

    /** bin/bindery run as 10000:10001 with no supplementary groups, on the shared socket. */
    private Launch server()
    {
        return installation.launch("run")
                .asUser(SERVER_UID, SERVER_GID)
                .env("HTTP_BINDING_ADDRESS", socket.toString());
    }

    private Nginx startNginx()
    {
        return Nginx.start(installation, prefix, socket, NGINX_USER);
    }

    private InetSocketAddress nginxAddress()
    {
        return new InetSocketAddress("127.0.0.1", nginx.port());
    }

    private HttpRequest.Builder request(String path)
    {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path))
                .timeout(REQUEST_TIMEOUT);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException
    {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asks nginx for /health until it answers 200 and returns the statuses it gave before; fails
     * after the server's startup timeout.
     */
    private List<Integer> awaitStatus200() throws IOException, InterruptedException
    {
        List<Integer> before = new ArrayList<>();
        Instant deadline = Instant.now().plus(BinderyProcess.STARTUP_TIMEOUT);
        for (int status = get("/health").statusCode(); status != 200;
                status = get("/health").statusCode()) {
            before.add(status);
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no 200 from nginx within "
                        + BinderyProcess.STARTUP_TIMEOUT + "; statuses " + before);
            }
            BinderyProcess.sleep(Duration.ofMillis(100));
        }
        return before;
    }

    /** A GET to nginx from another loopback address, with an extra header; returns the body. */
    private String getFrom(String sourceAddress, String path, String header) throws IOException
    {
        try (Socket client = new Socket()) {
            client.bind(new InetSocketAddress(sourceAddress, 0));
            client.connect(nginxAddress(), (int) REQUEST_TIMEOUT.toMillis());
            client.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            // HTTP/1.0: nginx closes the connection after the response, which ends the body.
            String request = "GET " + path + " HTTP/1.0\r\n"
                    + "Host: 127.0.0.1:" + nginx.port() + "\r\n"
                    + header + "\r\n\r\n";
            client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response =
                    new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    /**
     * The first value of a field in compact JSON, such as {@code "transport":"unix"}: the
     * string without its quotes, or a number, true, false or null as written.
     */
    static String jsonField(String json, String name)
    {
        Matcher matcher = Pattern.compile(
                "\"" + Pattern.quote(name) + "\":(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,}\\]]+))")
                .matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no field \"" + name + "\" in " + json);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
