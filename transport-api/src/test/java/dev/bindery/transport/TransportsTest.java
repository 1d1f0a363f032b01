package dev.bindery.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportsTest
{
    @Test
    void namesTheMissingKindAndTheJarsThatServeEndpoints()
    {
        // transport-api's own tests have no transport jar on the class path
        assertThatThrownBy(() -> Transports.forEndpoint(Endpoint.parse("/tmp/b.sock", "4000")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No transport of kind \"unix\" for unix:/tmp/b.sock on the class path: "
                        + "add the transport jar that serves it (bindery-transport-tcp or "
                        + "bindery-transport-uds)");
    }
}
