package dev.bindery.app;

import org.eclipse.jetty.websocket.api.Session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client endpoint that keeps every text frame it receives, in order. */
public final class LiveFrames implements Session.Listener.AutoDemanding
{
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    volatile int closeStatus = -1;

    @Override
    public void onWebSocketText(String message)
    {
        frames.add(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason)
    {
        closeStatus = statusCode;
    }

    /** The next frame, or null when none arrives within the time given. */
    String next(long millis) throws InterruptedException
    {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }
}
