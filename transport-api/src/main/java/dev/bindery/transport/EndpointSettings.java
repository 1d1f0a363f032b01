package dev.bindery.transport;

import com.typesafe.config.Config;

import java.util.List;

/** The settings that choose the endpoint, shared by every transport. */
public final class EndpointSettings
{
    public static final Setting BINDING_ADDRESS = new Setting("bindery.http.binding-address", "HTTP_BINDING_ADDRESS");
    public static final Setting PORT = new Setting("bindery.http.port", "PORT");

    public static final List<Setting> ALL = List.of(BINDING_ADDRESS, PORT);

    private EndpointSettings() {}

    /** Reads the endpoint from configuration; the defaults live in this module's reference.conf. */
    public static Endpoint fromConfig(Config config)
    {
        return Endpoint.parse(config.getString(BINDING_ADDRESS.key()), config.getString(PORT.key()));
    }
}
