package dev.bindery.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindery.transport.Endpoint;
import dev.bindery.transport.tcp.TcpModule;
import dev.bindery.transport.uds.UnixSocketModule;
import org.junit.jupiter.api.Test;

class TransportChoiceTest
{
    @Test
    void choosesTheUnixSocketTransportForASocketPath()
    {
        assertThat(TransportChoice.moduleFor(Endpoint.parse("/run/bindery/http.sock", "4000")))
                .isInstanceOf(UnixSocketModule.class);
        assertThat(TransportChoice.moduleFor(Endpoint.parse("unix:/run/bindery/http.sock", "4000")))
                .isInstanceOf(UnixSocketModule.class);
    }

    @Test
    void choosesTheTcpTransportForAnAddressOrNone()
    {
        assertThat(TransportChoice.moduleFor(Endpoint.parse("", "4000"))).isInstanceOf(TcpModule.class);
        assertThat(TransportChoice.moduleFor(Endpoint.parse("127.0.0.1", "4000"))).isInstanceOf(TcpModule.class);
        assertThat(TransportChoice.moduleFor(Endpoint.parse("::1", "0"))).isInstanceOf(TcpModule.class);
    }
}
