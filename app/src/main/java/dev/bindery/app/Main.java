package dev.bindery.app;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.typesafe.config.ConfigException;
import dev.bindery.app.config.ConfigurationLoader;
import dev.bindery.app.config.LoadedConfiguration;
import dev.bindery.app.proxy.ProxySettings;
import dev.bindery.app.web.StatusJson;
import dev.bindery.transport.BindingException;
import dev.bindery.transport.Bindings;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Endpoint;
import dev.bindery.transport.EndpointSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point {@code bin/bindery} runs.
 *
 * <pre>
 * Main [run]     serve in the foreground until SIGTERM or SIGINT
 * Main version   print the version
 * Main help      print the usage
 * </pre>
 *
 * <p>System properties read: {@code bindery.home} (the installation, whose
 * {@code conf/application.conf} is read), {@code bindery.cds-archive} (where to save a
 * class-data sharing archive once started, see {@link ClassDataArchive}), {@code config.file} (another configuration file
 * instead), {@code bindery.*} (any setting, above all other sources) and, by Logback,
 * {@code logback.configurationFile}. The exit statuses are those of {@link ExitStatus}.
 */
public final class Main
{
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    static final String USAGE = "Usage: bindery [run | version | help]";

    private Main() {}

    public static void main(String[] args)
    {
        System.exit(run(List.of(args), System.out, System.err).code());
    }

    static ExitStatus run(List<String> args, PrintStream out, PrintStream err)
    {
        String command = args.isEmpty() ? "run" : args.get(0);
        if (args.size() > 1) {
            err.println("Too many arguments: " + String.join(" ", args));
            err.println(USAGE);
            return ExitStatus.USAGE;
        }
        switch (command) {
            case "run":
                return serve();
            case "version":
            case "--version":
                out.println(StatusJson.NAME + " " + Version.current());
                return ExitStatus.OK;
            case "help":
            case "--help":
            case "-h":
                out.print(help());
                return ExitStatus.OK;
            default:
                err.println("Unknown command: " + command);
                err.println(USAGE);
                return ExitStatus.USAGE;
        }
    }

    /** Loads and checks the configuration, wires the server, serves until a signal, and drains. */
    static ExitStatus serve()
    {
        try {
            ServerLifecycle lifecycle = wire(ConfigurationLoader.forThisProcess());

            // Installed before the start, so that a signal during it still ends in a drained stop
            SignalHandlers.install(lifecycle::stop);
            lifecycle.start();
            // From the JVM's start: what an operator waits for includes loading and wiring
            LOG.info("Started in {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
            ClassDataArchive.saveIfAsked();

            lifecycle.awaitStop();
            return ExitStatus.OK;
        }
        catch (Exception e) {
            return failed(e);
        }
    }

    /**
     * Reads every setting, failing on the first bad one before anything is bound, then builds the
     * injector with the transport the endpoint needs.
     */
    static ServerLifecycle wire(ConfigurationLoader loader)
    {
        String version = Version.current();

        LoadedConfiguration loaded;
        Endpoint endpoint;
        AppSettings settings;
        ProxySettings proxies;
        try {
            loaded = loader.load();
            endpoint = EndpointSettings.fromConfig(loaded.config());
            settings = AppSettings.fromConfig(loaded.config());
            proxies = ProxySettings.fromConfig(loaded.config());
        }
        catch (ConfigException e) {
            // A value of the wrong shape, such as an object where a string belongs
            throw new ConfigurationException("Invalid configuration: " + e.getMessage());
        }

        // Stage.PRODUCTION builds every singleton now, so the transport's settings are checked here too
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                new PlatformModule(loaded.config(), endpoint, settings, proxies, version),
                TransportChoice.moduleFor(endpoint),
                new ServerModule());

        LOG.info("{} {}, configuration{}{}", StatusJson.NAME, version,
                loaded.file().map(file -> " from " + file).orElse(""), loaded.table());
        return injector.getInstance(ServerLifecycle.class);
    }

    /** One line for what an operator can fix; a stack trace only for what they cannot. */
    static ExitStatus failed(Throwable failure)
    {
        Optional<ConfigurationException> configuration = find(failure, ConfigurationException.class);
        if (configuration.isPresent()) {
            LOG.error(configuration.get().getMessage());
            return ExitStatus.CONFIGURATION;
        }
        Optional<BindingException> binding = Bindings.findBindingFailure(failure);
        if (binding.isPresent()) {
            LOG.error(binding.get().getMessage());
            return ExitStatus.CANNOT_BIND;
        }
        LOG.error("Unable to run: {}", failure.toString(), failure);
        return ExitStatus.FAILURE;
    }

    /** Guice wraps what a provider throws, possibly several times over. */
    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            Optional<T> inGuiceErrors = guiceErrorCauses(cause).stream()
                    .map(inner -> find(inner, type))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (inGuiceErrors.isPresent()) {
                return inGuiceErrors;
            }
        }
        return Optional.empty();
    }

    private static List<Throwable> guiceErrorCauses(Throwable failure)
    {
        Collection<Message> messages = List.of();
        if (failure instanceof CreationException creation) {
            messages = creation.getErrorMessages();
        }
        if (failure instanceof ProvisionException provision) {
            messages = provision.getErrorMessages();
        }
        return messages.stream().map(Message::getCause).filter(Objects::nonNull).toList();
    }

    private static String help()
    {
        return USAGE + "\n"
                + "\n"
                + "  run      serve in the foreground (the default); SIGTERM or SIGINT drains and stops\n"
                + "  version  print the version\n"
                + "  help     print this help\n"
                + "\n"
                + "Settings come from -Dbindery.* system properties, then environment variables\n"
                + "(HTTP_BINDING_ADDRESS, PORT, SOCKET_PERM, SOCKET_GROUP and others), then\n"
                + "conf/application.conf or the file named by -Dconfig.file, then the defaults.\n"
                + "\n"
                + "Exit statuses: 0 stopped on request, 64 bad usage, 73 cannot bind,\n"
                + "78 configuration error, 1 anything else.\n";
    }
}
