package dev.bindery.transport.uds;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.Transport;

/** Jetty's HTTP client speaking over a Unix socket. */
final class UnixSocketClient
{
    private UnixSocketClient() {}

    static ContentResponse get(Path socket) throws Exception
    {
        HttpClient client = new HttpClient();
        client.start();
        try {
            return client.newRequest("http://localhost/")
                    .transport(new Transport.TCPUnix(socket))
                    .timeout(10, TimeUnit.SECONDS)
                    .send();
        }
        finally {
            client.stop();
        }
    }
}
