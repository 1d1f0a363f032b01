package dev.bindery.transport.uds;

import dev.bindery.transport.Bindings;
import dev.bindery.transport.ConfigurationException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves one Unix socket in a process of its own, for tests that need a second process or
 * another user. Prints {@code SERVING}, then serves until standard input closes; or prints the
 * failure and exits with the platform's status (73 binding, 78 configuration).
 *
 * <p>Arguments: socket path, mode, and optionally a group.
 */
final class ServeMain
{
    private ServeMain() {}

    public static void main(String[] args) throws Exception
    {
        UnixSocketSettings settings;
        try {
            settings = UnixSocketSettings.defaults()
                    .withPermissions(SocketMode.parse(UnixSocketSettings.PERMISSIONS, args[1]));
            if (args.length > 2) {
                settings = settings.withGroup(args[2]);
            }
        }
        catch (ConfigurationException e) {
            System.out.println("CONFIGURATION: " + e.getMessage());
            System.exit(78);
            return;
        }

        TestServer server;
        try {
            server = new TestServer(settings, Path.of(args[0]));
        }
        catch (ConfigurationException e) {
            System.out.println("CONFIGURATION: " + e.getMessage());
            System.exit(78);
            return;
        }
        try {
            server.start();
        }
        catch (Exception e) {
            server.close();
            System.out.println(Bindings.findBindingFailure(e).map(binding -> "BINDING: " + binding.getMessage())
                    .orElse("FAILED: " + e));
            System.exit(Bindings.findBindingFailure(e).isPresent() ? 73 : 1);
            return;
        }

        System.out.println("SERVING");
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes standard input
        }
        server.close();
        System.out.println("STOPPED");
        System.exit(0);
    }
}
