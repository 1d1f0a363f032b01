package dev.bindery.app.web;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.websocket.api.StatusCode;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the status document to every {@code /live} client once a second, from one scheduler
 * thread for all of them. The thread exists only between start and stop.
 */
public final class LiveStatusBroadcaster extends AbstractLifeCycle
{
    static final long PERIOD_MILLIS = 1000;

    private final ServerStatus status;
    private final Set<LiveStatusSocket> sockets = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    public LiveStatusBroadcaster(ServerStatus status)
    {
        this.status = requireNonNull(status, "status is null");
    }

    @Override
    protected void doStart()
    {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bindery-live-status");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop()
    {
        scheduler.shutdownNow();
        closeAll();
    }

    /**
     * Closes every session with 1001 (going away). A graceful stop waits for connections to end,
     * and an open status page would otherwise hold its connection for the whole grace period.
     */
    public void closeAll()
    {
        sockets.forEach(socket -> socket.close(StatusCode.SHUTDOWN, "Server stopping"));
    }

    public int clients()
    {
        return sockets.size();
    }

    void add(LiveStatusSocket socket)
    {
        sockets.add(socket);
    }

    void remove(LiveStatusSocket socket)
    {
        sockets.remove(socket);
    }

    String statusFor(RequestArrival arrival)
    {
        return StatusJson.render(status, arrival);
    }

    private void tick()
    {
        // A failure for one client must not end the schedule for all of them
        for (LiveStatusSocket socket : sockets) {
            try {
                socket.send();
            }
            catch (RuntimeException e) {
                sockets.remove(socket);
            }
        }
    }
}
