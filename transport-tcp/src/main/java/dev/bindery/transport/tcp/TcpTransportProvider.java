package dev.bindery.transport.tcp;

import com.typesafe.config.Config;
import dev.bindery.transport.Transport;
import dev.bindery.transport.TransportProvider;

/** Makes the TCP transport available to {@code Transports} through {@code ServiceLoader}. */
public final class TcpTransportProvider implements TransportProvider
{
    @Override
    public String kind()
    {
        return "tcp";
    }

    @Override
    public Transport create(Config config)
    {
        return new TcpTransport(TcpSettings.fromConfig(config));
    }
}
