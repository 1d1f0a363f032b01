package dev.bindery.transport.uds;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import dev.bindery.transport.Transport;

/**
 * Binds {@link Transport} to the Unix socket transport. The platform binds {@link Config}; nothing
 * here touches the disk, which happens when the server starts.
 */
public final class UnixSocketModule extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(Transport.class).to(UnixSocketTransport.class);
    }

    @Provides
    @Singleton
    UnixSocketSettings settings(Config config)
    {
        return UnixSocketSettings.fromConfig(config);
    }

    @Provides
    @Singleton
    UnixSocketTransport transport(UnixSocketSettings settings)
    {
        return new UnixSocketTransport(settings);
    }
}
