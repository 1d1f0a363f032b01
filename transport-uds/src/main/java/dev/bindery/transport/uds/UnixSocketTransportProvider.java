package dev.bindery.transport.uds;

import com.typesafe.config.Config;
import dev.bindery.transport.Transport;
import dev.bindery.transport.TransportProvider;

/** Makes the Unix socket transport available to {@code Transports} through ServiceLoader. */
public final class UnixSocketTransportProvider implements TransportProvider
{
    @Override
    public String kind()
    {
        return "unix";
    }

    @Override
    public Transport create(Config config)
    {
        return new UnixSocketTransport(UnixSocketSettings.fromConfig(config));
    }
}
