package dev.bindery.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindery.transport.Binding;
import dev.bindery.transport.BindingException;
import dev.bindery.transport.Bindings;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.Transport;
import dev.bindery.transport.Transports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TCP transport alone with a plain Jetty server: no Guice, no app. */
class TcpTransportTest
{
    private final Server server = new Server();
    private final HttpClient client = new HttpClient();

    @BeforeEach
    void startClient() throws Exception
    {
        server.setHandler(new Hello());
        client.start();
    }

    @AfterEach
    void stopAll() throws Exception
    {
        client.stop();
        server.stop();
    }

    @Test
    void servesARequestOnTheLoopbackPortTheKernelChose() throws Exception
    {
        Binding binding = new TcpTransport(TcpSettings.defaults())
                .install(server, Endpoint.parse("127.0.0.1", "0"));
        server.start();

        int port = Integer.parseInt(binding.describe().substring("127.0.0.1:".length()));
        ContentResponse response = client.GET("http://127.0.0.1:" + port + "/");

        assertThat(port).isPositive();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("hello from tcp");
    }

    @Test
    void everyInterfaceAcceptsIpv4AndIpv6() throws Exception
    {
        Binding binding = new TcpTransport(TcpSettings.defaults()).install(server, Endpoint.parse("", "0"));
        server.start();
        String port = binding.describe().substring("[::]:".length());

        assertThat(binding.describe()).startsWith("[::]:");
        assertThat(client.GET("http://127.0.0.1:" + port + "/").getStatus()).isEqualTo(200);
        assertThat(client.GET("http://[::1]:" + port + "/").getStatus()).isEqualTo(200);
    }

    @Test
    void isFoundThroughServiceLoaderForAnIpEndpoint() throws Exception
    {
        Endpoint endpoint = Endpoint.parse("127.0.0.1", "0");
        Transport transport = Transports.forEndpoint(endpoint);

        assertThat(transport).isInstanceOf(TcpTransport.class);
        assertThat(transport.supports(endpoint)).isTrue();
        assertThat(transport.supports(Endpoint.parse("/tmp/x.sock", "0"))).isFalse();
    }

    @Test
    void anOccupiedPortFailsStartNamingTheAddress() throws Exception
    {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String port = String.valueOf(occupant.getLocalPort());
            new TcpTransport(TcpSettings.defaults()).install(server, Endpoint.parse("127.0.0.1", port));

            assertThatThrownBy(server::start)
                    .satisfies(failure -> assertThat(Bindings.findBindingFailure(failure))
                            .get()
                            .extracting(BindingException::getMessage)
                            .isEqualTo("Cannot listen on 127.0.0.1:" + port + ": address already in use; "
                                    + "stop the process that holds it or choose another PORT"));
        }
    }

    @Test
    void removingTheBindingClosesThePort() throws Exception
    {
        Binding binding = new TcpTransport(TcpSettings.defaults())
                .install(server, Endpoint.parse("127.0.0.1", "0"));
        server.start();
        int port = Integer.parseInt(binding.describe().substring("127.0.0.1:".length()));

        binding.remove();

        assertThat(server.getConnectors()).isEmpty();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.isBound()).isTrue();
        }
    }

    private static final class Hello extends Handler.Abstract
    {
        @Override
        public boolean handle(Request request, Response response, Callback callback)
        {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            Content.Sink.write(response, true, "hello from tcp", callback);
            return true;
        }
    }
}
