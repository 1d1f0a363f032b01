package dev.bindery.transport.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.bindery.transport.ConfigurationException;

import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnixSocketSettingsTest
{
    private static final String ACCEPTED = "expected three or four octal digits up to 0777, "
            + "such as 0660, 666 or 600 (setuid, setgid and sticky bits are not accepted)";

    @Test
    void defaultsComeFromReferenceConf()
    {
        UnixSocketSettings defaults = UnixSocketSettings.defaults();

        assertThat(defaults.permissions().octal()).isEqualTo("0660");
        assertThat(defaults.group()).isEmpty();
        assertThat(defaults.describe()).isEqualTo("mode 0660");
    }

    @Test
    void readsEverySettingFromConfig()
    {
        UnixSocketSettings settings = UnixSocketSettings.fromConfig(config(Map.of(
                "bindery.unix-socket.permissions", "0600",
                "bindery.unix-socket.group", "www",
                "bindery.unix-socket.backlog", "2048")));

        assertThat(settings).isEqualTo(new UnixSocketSettings(new SocketMode(0600), Optional.of("www"), 2048));
        assertThat(settings.describe()).isEqualTo("mode 0600, group www");
    }

    @Test
    void defaultBacklogLeavesRoomForABurstOfNewConnections()
    {
        assertThat(UnixSocketSettings.defaults().backlog()).isEqualTo(1024);
    }

    @Test
    void rejectsABacklogOutsideItsRange()
    {
        assertThatThrownBy(() -> UnixSocketSettings.fromConfig(config(Map.of(
                "bindery.unix-socket.backlog", "0"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid BINDERY_UNIX_SOCKET_BACKLOG (bindery.unix-socket.backlog) value \"0\": "
                        + "expected a whole number from 1 to 65535");
        assertThatThrownBy(() -> UnixSocketSettings.fromConfig(config(Map.of(
                "bindery.unix-socket.backlog", "lots"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("value \"lots\"");
    }

    @Test
    void listsEverySettingWithItsVariable()
    {
        assertThat(UnixSocketSettings.ALL).extracting(setting -> setting.variable())
                .containsExactly("SOCKET_PERM", "SOCKET_GROUP", "BINDERY_UNIX_SOCKET_BACKLOG");
        assertThat(UnixSocketSettings.ALL).allSatisfy(setting ->
                assertThat(ConfigFactory.defaultReference().hasPathOrNull(setting.key())).isTrue());
    }

    @Test
    void anEmptyGroupMeansTheProcessGroup()
    {
        // Compose passes an unset variable through as an empty string
        UnixSocketSettings settings = UnixSocketSettings.fromConfig(config(Map.of("bindery.unix-socket.group", "")));

        assertThat(settings.group()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"666, 0666", "0660, 0660", "600, 0600", "0000, 0000", "777, 0777", "0777, 0777", " 640 , 0640"})
    void acceptsThreeOrFourOctalDigitsUpTo0777(String given, String octal)
    {
        SocketMode mode = SocketMode.parse(UnixSocketSettings.PERMISSIONS, given);

        assertThat(mode.octal()).isEqualTo(octal);
        assertThat(settingsWithMode(given).permissions()).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "abc", "7777", "1777", "", "66", "0o660", "-660", "06600", "rw-rw----", "0x1b6"})
    void refusesAnyOtherModeNamingVariableValueAndWhatWorks(String given)
    {
        assertThatThrownBy(() -> settingsWithMode(given))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid SOCKET_PERM (bindery.unix-socket.permissions) value \"" + given + "\": " + ACCEPTED);
    }

    @Test
    void translatesTheModeIntoPermissionsAndTheOthersWriteBit()
    {
        assertThat(new SocketMode(0660).permissions()).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        assertThat(new SocketMode(0751).permissions()).isEqualTo(PosixFilePermissions.fromString("rwxr-x--x"));
        assertThat(new SocketMode(0666).letsEveryoneConnect()).isTrue();
        assertThat(new SocketMode(0664).letsEveryoneConnect()).isFalse();
    }

    @Test
    void refusesAnUnknownGroupNameWhenTheTransportIsCreated()
    {
        UnixSocketSettings settings = UnixSocketSettings.defaults().withGroup("no-such-group-here");

        assertThatThrownBy(() -> new UnixSocketTransport(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid SOCKET_GROUP (bindery.unix-socket.group) value \"no-such-group-here\": "
                        + "no such group on this system; give an existing group name or number (see getent group)");
    }

    @Test
    void acceptsAGroupByNameOrNumber()
    {
        // nogroup (65534) exists on every Debian and most other systems
        new UnixSocketTransport(UnixSocketSettings.defaults().withGroup("nogroup"));
        new UnixSocketTransport(UnixSocketSettings.defaults().withGroup("65534"));
    }

    private static UnixSocketSettings settingsWithMode(String mode)
    {
        return UnixSocketSettings.fromConfig(config(Map.of("bindery.unix-socket.permissions", mode)));
    }

    private static Config config(Map<String, String> values)
    {
        return ConfigFactory.parseMap(values).withFallback(ConfigFactory.defaultReference());
    }
}
