package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client of {@code /live}. It says nothing; the server sends the status document when the
 * session opens and then each time the {@link LiveStatusBroadcaster} ticks. Public because Jetty
 * calls its methods through method handles.
 */
public final class LiveStatusSocket implements Session.Listener.AutoDemanding
{
    private final LiveStatusBroadcaster broadcaster;
    private final RequestArrival arrival;
    private volatile Session session;

    LiveStatusSocket(LiveStatusBroadcaster broadcaster, RequestArrival arrival)
    {
        this.broadcaster = requireNonNull(broadcaster, "broadcaster is null");
        this.arrival = requireNonNull(arrival, "arrival is null");
    }

    @Override
    public void onWebSocketOpen(Session session)
    {
        this.session = session;
        broadcaster.add(this);
        send();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason)
    {
        broadcaster.remove(this);
    }

    @Override
    public void onWebSocketError(Throwable cause)
    {
        broadcaster.remove(this);
    }

    /**
     * Sends the current status. Frames a slow client has not taken yet queue up to the limit set in
     * {@link WebApplication}; past it a send fails, and that client misses a tick.
     */
    void send()
    {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendText(broadcaster.statusFor(arrival), Callback.NOOP);
        }
    }

    void close(int statusCode, String reason)
    {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.close(statusCode, reason, Callback.NOOP);
        }
    }
}
