import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The baseline for bench/run: a Jetty 12 core server with Jetty's defaults (but for the accept
 * queue and the Server header) and one handler that answers every request with the same bytes
 * as Bindery's {@code GET /health}: status, body, Content-Type and Cache-Control.
 *
 * <p>Usage: {@code BareJetty tcp <host> <port>} or {@code BareJetty unix <socket path>}.
 * It prints one line, "Started", when it accepts connections, and stops on SIGTERM.
 */
public final class BareJetty {
    // Jetty's default of 0 leaves the JDK's listen backlog of 50. A Unix socket refuses a connect
    // at once when its backlog is full (TCP retries), so 256 clients connecting together would
    // fail. The kernel caps the figure at net.core.somaxconn.
    private static final int ACCEPT_QUEUE = 1024;

    private static final byte[] BODY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("tcp") && args.length == 3 || args[0].equals("unix"))) {
            System.err.println("usage: BareJetty tcp <host> <port> | BareJetty unix <socket path>");
            System.exit(64);
        }

        Server server = new Server();
        server.addConnector(connector(server, args));
        server.setHandler(new HealthHandler());
        server.setStopAtShutdown(true);

        server.start();
        System.out.println("Started");
        server.join();
    }

    private static Connector connector(Server server, String[] args) {
        // Bindery sends no Server header; neither does the baseline, so both answer the same bytes.
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        HttpConnectionFactory http = new HttpConnectionFactory(config);

        if (args[0].equals("unix")) {
            UnixDomainServerConnector unix = new UnixDomainServerConnector(server, http);
            unix.setUnixDomainPath(Path.of(args[1]));
            unix.setAcceptQueueSize(ACCEPT_QUEUE);
            return unix;
        }
        ServerConnector tcp = new ServerConnector(server, http);
        tcp.setHost(args[1]);
        tcp.setPort(Integer.parseInt(args[2]));
        tcp.setAcceptQueueSize(ACCEPT_QUEUE);
        return tcp;
    }

    /** The same answer as Bindery's health check, header for header, whatever the request. */
    private static final class HealthHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
            response.write(true, ByteBuffer.wrap(BODY), callback);
            return true;
        }
    }
}
