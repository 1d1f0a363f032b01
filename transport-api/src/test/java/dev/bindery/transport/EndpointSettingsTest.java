package dev.bindery.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSettingsTest
{
    @Test
    void defaultsListenOnEveryInterfaceOnPort4000()
    {
        assertThat(EndpointSettings.fromConfig(ConfigFactory.defaultReference()).describe())
                .isEqualTo("[::]:4000");
    }

    @Test
    void readsAddressAndPortFromTheirKeys()
    {
        var config = ConfigFactory.parseMap(Map.of(
                "bindery.http.binding-address", "127.0.0.1",
                "bindery.http.port", "8080"));

        assertThat(EndpointSettings.fromConfig(config).describe()).isEqualTo("127.0.0.1:8080");
    }
}
