package dev.bindery.transport.uds;

import dev.bindery.transport.ConnectorBinding;
import dev.bindery.transport.Endpoint;

/** The connector a {@link UnixSocketTransport} added, described with the socket's mode and group. */
final class UnixSocketBinding extends ConnectorBinding
{
    private final UnixSocketSettings settings;

    UnixSocketBinding(Endpoint endpoint, UnixSocketConnector connector)
    {
        super(endpoint, connector);
        this.settings = connector.getSettings();
    }

    @Override
    public String describe()
    {
        return endpoint().describe() + " (" + settings.describe() + ")";
    }
}
