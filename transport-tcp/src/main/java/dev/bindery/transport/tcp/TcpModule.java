package dev.bindery.transport.tcp;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import dev.bindery.transport.Transport;

/** Binds the TCP transport for the platform; the platform binds the {@link Config}. */
public final class TcpModule extends AbstractModule
{
    @Provides
    @Singleton
    TcpSettings settings(Config config)
    {
        return TcpSettings.fromConfig(config);
    }

    @Provides
    @Singleton
    Transport transport(TcpSettings settings)
    {
        return new TcpTransport(settings);
    }
}
