package dev.bindery.transport;

import com.typesafe.config.Config;

/**
 * Finds a transport through {@link java.util.ServiceLoader}: adding a transport's jar to the class
 * path makes its provider available to {@link Transports}.
 */
public interface TransportProvider
{
    /** The endpoint kind it serves, as {@link Endpoint#kind()} says it. */
    String kind();

    /**
     * Creates the transport from its own section of the configuration, validating every setting
     * before anything is bound.
     *
     * @throws ConfigurationException naming the setting at fault
     */
    Transport create(Config config);
}
