package dev.bindery.transport.tcp;

import dev.bindery.transport.BindingException;
import dev.bindery.transport.InetEndpoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.BindException;

/** Jetty's connector, with bind failures turned into one line an operator can act on. */
final class TcpConnector extends ServerConnector
{
    private final InetEndpoint endpoint;

    TcpConnector(Server server, InetEndpoint endpoint, ConnectionFactory... factories)
    {
        super(server, factories);
        this.endpoint = endpoint;
    }

    @Override
    public void open() throws IOException
    {
        try {
            super.open();
        }
        catch (IOException e) {
            throw new BindingException("Cannot listen on " + endpoint.describe() + ": " + reason(e), e);
        }
    }

    private String reason(IOException failure)
    {
        // Jetty wraps the JDK's BindException; its message is the kernel's errno text
        Throwable cause = failure instanceof BindException ? failure : failure.getCause();
        String message = String.valueOf(cause == null ? failure.getMessage() : cause.getMessage());
        if (message.contains("Address already in use")) {
            return "address already in use; stop the process that holds it or choose another PORT";
        }
        if (message.contains("Permission denied")) {
            return "permission denied; ports below 1024 need root or CAP_NET_BIND_SERVICE, "
                    + "so choose a PORT of 1024 or more";
        }
        if (message.contains("Cannot assign requested address")) {
            return "no network interface on this host has that address; "
                    + "use one of its addresses, 127.0.0.1, or leave HTTP_BINDING_ADDRESS empty";
        }
        return message;
    }
}
