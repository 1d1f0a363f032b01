package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindery.transport.Endpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a handler learns from {@link PeerCredentials#of}: a plain Jetty server listening on a Unix
 * socket (mode 0666, so that other users may connect) and on TCP, answering with what it got.
 */
class PeerCredentialsServerTest
{
    private final SocketDirectory directory = new SocketDirectory().searchableByAll();
    private final Path socket = directory.resolve("http.sock");
    private final Server server = new Server();
    private final ServerConnector tcp = new ServerConnector(server);
    private final HttpClient client = new HttpClient();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** One request as the handler saw it. */
    private record Seen(Connection connection, Optional<PeerCredentials> peer) {}

    @BeforeEach
    void startServerAndClient() throws Exception
    {
        UnixSocketSettings settings = UnixSocketSettings.defaults()
                .withPermissions(SocketMode.parse(UnixSocketSettings.PERMISSIONS, "0666"));
        new UnixSocketTransport(settings).install(server, Endpoint.unixSocket(socket));
        tcp.setHost("127.0.0.1");
        server.addConnector(tcp);
        server.setHandler(new Handler.Abstract()
        {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
            {
                Optional<PeerCredentials> peer = PeerCredentials.of(request);
                seen.add(new Seen(request.getConnectionMetaData().getConnection(), peer));
                String body = peer.map(String::valueOf).orElse("no peer credentials");
                response.write(true, StandardCharsets.UTF_8.encode(body), callback);
                return true;
            }
        });
        server.start();
        client.start();
    }

    @AfterEach
    void stopEverything() throws Exception
    {
        try {
            client.stop();
            server.stop();
        }
        finally {
            directory.close();
        }
    }

    @Test
    void aClientInThisProcessIsSeenWithThisProcesssIdsAndNames() throws Exception
    {
        // As root, which the other tests here need: uid=0(root) gid=0(root)
        Path self = Path.of("/proc/self");
        String expected = "uid=" + Files.getAttribute(self, "unix:uid")
                + "(" + System.getProperty("user.name") + ")"
                + " gid=" + Files.getAttribute(self, "unix:gid")
                + "(" + ((GroupPrincipal) Files.getAttribute(self, "unix:group")).getName() + ")";

        assertThat(overUnixSocket(new Transport.TCPUnix(socket))).isEqualTo(expected);
    }

    @Test
    void aClientRunningAsNobodyIsSeenAsNobody() throws Exception
    {
        AnotherUser.assumeAvailable("curl");

        assertThat(curlAs(65534, 65534)).isEqualTo("uid=65534(nobody) gid=65534(nogroup)");
    }

    @Test
    void idsWithoutAnAccountComeThroughAsNumbersWithoutNames() throws Exception
    {
        // As a container often runs: no line in /etc/passwd or /etc/group for these ids
        AnotherUser.assumeAvailable("curl");

        assertThat(curlAs(10000, 10001)).isEqualTo("uid=10000 gid=10001");
        assertThat(seen).singleElement().extracting(Seen::peer).isEqualTo(Optional.of(
                new PeerCredentials(OptionalInt.of(10000), OptionalInt.of(10001), Optional.empty(),
                        Optional.empty())));
    }

    @Test
    void overTcpThereAreNone() throws Exception
    {
        String body = client.newRequest("http://127.0.0.1:" + tcp.getLocalPort() + "/")
                .timeout(10, TimeUnit.SECONDS).send().getContentAsString();

        assertThat(body).isEqualTo("no peer credentials");
        assertThat(seen).singleElement().extracting(Seen::peer).isEqualTo(Optional.empty());
    }

    @Test
    void twoRequestsOnOneConnectionShareOneReadingAndLogNothingAtInfo() throws Exception
    {
        Transport unix = new Transport.TCPUnix(socket);

        try (LogCapture log = new LogCapture()) {
            overUnixSocket(unix);
            overUnixSocket(unix);

            assertThat(log.text()).doesNotContain("INFO");
        }

        // The client kept its connection open between the two requests
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).connection()).isSameAs(seen.get(0).connection());
        // Each reading makes a new instance: the same one means the second request read nothing
        assertThat(seen.get(1).peer().orElseThrow()).isSameAs(seen.get(0).peer().orElseThrow());
    }

    private String overUnixSocket(Transport unix) throws Exception
    {
        return client.newRequest("http://localhost/").transport(unix)
                .timeout(10, TimeUnit.SECONDS).send().getContentAsString();
    }

    private String curlAs(int uid, int gid) throws Exception
    {
        AnotherUser.Result curl = AnotherUser.runAs(uid, gid, "curl", "-sS", "--max-time", "10",
                "--unix-socket", socket.toString(), "http://localhost/");

        assertThat(curl.status()).as("curl's exit status; it said: %s", curl.errors()).isZero();
        return curl.output();
    }
}
