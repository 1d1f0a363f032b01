package dev.bindery.transport;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.util.List;
import java.util.ServiceLoader;

/** Finds the transport for an endpoint among the providers on the class path. */
public final class Transports
{
    private Transports() {}

    /** The transport for the endpoint, configured from {@code reference.conf} defaults. */
    public static Transport forEndpoint(Endpoint endpoint)
    {
        return forEndpoint(endpoint, ConfigFactory.load());
    }

    /**
     * The transport for the endpoint, configured from the given configuration.
     *
     * @throws IllegalStateException when no jar on the class path provides one, naming the jar to add
     */
    public static Transport forEndpoint(Endpoint endpoint, Config config)
    {
        return providers().stream()
                .filter(provider -> provider.kind().equals(endpoint.kind()))
                .findFirst()
                .map(provider -> provider.create(config))
                .orElseThrow(() -> new IllegalStateException("No transport of kind \""
                        + endpoint.kind() + "\" for " + endpoint.describe() + " on the class path: "
                        + "add the transport jar that serves it (bindery-transport-tcp or "
                        + "bindery-transport-uds)"));
    }

    public static List<TransportProvider> providers()
    {
        return ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
