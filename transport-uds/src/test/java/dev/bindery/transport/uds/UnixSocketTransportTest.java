package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.Transport;
import dev.bindery.transport.Transports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport alone with a plain Jetty server: no Guice, no app. */
class UnixSocketTransportTest
{
    private final SocketDirectory directory = new SocketDirectory();
    private final Path socket = directory.resolve("http.sock");

    @AfterEach
    void removeDirectory() throws Exception
    {
        directory.close();
    }

    @Test
    void servesHttpOnTheSocketWithTheAskedModeAndLeavesNothingAtStop() throws Exception
    {
        try (TestServer server = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
            ContentResponse response = UnixSocketClient.get(socket);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).isEqualTo(TestServer.BODY);
            assertThat(attributes(socket).permissions()).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
            // While serving, only the socket and its lock are in the directory: no private directory
            assertThat(directory.names()).containsExactly("http.sock", "http.sock.lock");
            assertThat(server.binding.describe()).isEqualTo("unix:" + socket + " (mode 0660)");
        }

        assertThat(directory.names()).isEmpty();
    }

    @Test
    void listensWithTheConfiguredBacklog() throws Exception
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/ss")) || Files.isExecutable(Path.of("/bin/ss")),
                "needs ss (package iproute2) to read the socket's accept queue limit");
        UnixSocketSettings settings = new UnixSocketSettings(new SocketMode(0660), java.util.Optional.empty(), 777);
        try (TestServer server = new TestServer(settings, socket).start()) {
            // ss shows a listening socket's accept queue limit as its Send-Q, and its address as
            // the path it was bound at: the private directory beside the socket
            Process ss = new ProcessBuilder("ss", "-xlnH").redirectErrorStream(true).start();
            String listing = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();

            assertThat(listing).as("ss -xl").containsPattern("\\s0\\s+777\\s+"
                    + java.util.regex.Pattern.quote(socket.getParent() + "/.bindery."));
        }
    }

    @Test
    void givesTheSocketTheAskedGroup() throws Exception
    {
        UnixSocketSettings settings = new UnixSocketSettings(new SocketMode(0640), java.util.Optional.of("nogroup"), 1024);

        try (TestServer server = new TestServer(settings, socket).start()) {
            GroupPrincipal nogroup = socket.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName("nogroup");
            assertThat(attributes(socket).group()).isEqualTo(nogroup);
            assertThat(attributes(socket).permissions()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
            assertThat(server.binding.describe()).isEqualTo("unix:" + socket + " (mode 0640, group nogroup)");
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
        }
    }

    @Test
    void isFoundThroughServiceLoaderForAUnixSocketEndpoint() throws Exception
    {
        Transport transport = Transports.forEndpoint(Endpoint.unixSocket(socket), ConfigFactory.load());

        assertThat(transport).isInstanceOf(UnixSocketTransport.class);
        try (TestServer server = new TestServer(transport, socket).start()) {
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void guiceModuleBindsOneTransportFromTheConfiguration()
    {
        Injector injector = Guice.createInjector(new UnixSocketModule(),
                binder -> binder.bind(com.typesafe.config.Config.class).toInstance(
                        ConfigFactory.parseString("bindery.unix-socket.permissions = \"600\"")
                                .withFallback(ConfigFactory.defaultReference())));

        Transport transport = injector.getInstance(Transport.class);

        assertThat(transport).isSameAs(injector.getInstance(Transport.class));
        assertThat(((UnixSocketTransport) transport).settings().permissions().octal()).isEqualTo("0600");
        // Building the injector touched nothing
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void installOnlyAddsAConnectorAndRemoveTakesItOut() throws Exception
    {
        Server server = new Server();
        var binding = new UnixSocketTransport(UnixSocketSettings.defaults()).install(server, Endpoint.unixSocket(socket));
        assertThat(server.getConnectors()).containsExactly(binding.connector());
        assertThat(directory.names()).isEmpty();

        server.start();
        try {
            assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isTrue();
            binding.remove();
            assertThat(server.getConnectors()).isEmpty();
            assertThat(directory.names()).isEmpty();
        }
        finally {
            server.stop();
        }
    }

    @Test
    void servesAgainAfterARestartOfTheSameServer() throws Exception
    {
        try (TestServer server = new TestServer(UnixSocketSettings.defaults(), socket).start()) {
            server.server.stop();
            assertThat(directory.names()).isEmpty();

            server.server.start();
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(TestServer.BODY);
        }
        assertThat(directory.names()).isEmpty();
    }

    @Test
    void showsHandlersTheSocketPathNotThePrivateBindPath() throws Exception
    {
        Server server = new Server();
        new UnixSocketTransport(UnixSocketSettings.defaults()).install(server, Endpoint.unixSocket(socket));
        server.setHandler(new Handler.Abstract()
        {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
            {
                String local = String.valueOf(request.getConnectionMetaData().getLocalSocketAddress());
                response.write(true, StandardCharsets.UTF_8.encode(local), callback);
                return true;
            }
        });
        server.start();
        try {
            assertThat(UnixSocketClient.get(socket).getContentAsString()).isEqualTo(socket.toString());
            assertThat(server.getConnectors()[0].toString()).endsWith("[unix:" + socket + "]");
        }
        finally {
            server.stop();
        }
    }

    @Test
    void refusesAnInetEndpoint() throws Exception
    {
        Transport transport = new UnixSocketTransport(UnixSocketSettings.defaults());
        Endpoint tcp = Endpoint.parse("127.0.0.1", "4000");

        assertThat(transport.supports(tcp)).isFalse();
        assertThat(transport.supports(Endpoint.unixSocket(socket))).isTrue();
        assertThatThrownBy(() -> transport.install(new Server(), tcp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Unix socket transport cannot listen on 127.0.0.1:4000; "
                        + "use the TCP transport (bindery-transport-tcp) for it");
    }

    static PosixFileAttributes attributes(Path path) throws Exception
    {
        return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
