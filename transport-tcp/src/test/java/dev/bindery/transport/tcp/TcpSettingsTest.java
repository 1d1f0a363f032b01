package dev.bindery.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.bindery.transport.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpSettingsTest
{
    @Test
    void defaultBacklogComesFromReferenceConf()
    {
        assertThat(TcpSettings.defaults()).isEqualTo(new TcpSettings(512));
    }

    @Test
    void readsTheBacklogKey()
    {
        var config = ConfigFactory.parseMap(Map.of("bindery.tcp.backlog", "1024"));

        assertThat(TcpSettings.fromConfig(config).backlog()).isEqualTo(1024);
    }

    @Test
    void rejectsABacklogThatIsNotAPositiveNumber()
    {
        assertThatThrownBy(() -> TcpSettings.fromConfig(ConfigFactory.parseMap(Map.of("bindery.tcp.backlog", "many"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid BINDERY_TCP_BACKLOG (bindery.tcp.backlog) value \"many\": "
                        + "expected a whole number from 1 to 65535");
        assertThatThrownBy(() -> TcpSettings.fromConfig(ConfigFactory.parseMap(Map.of("bindery.tcp.backlog", "0"))))
                .isInstanceOf(ConfigurationException.class);
    }
}
