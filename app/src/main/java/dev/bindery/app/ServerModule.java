package dev.bindery.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.bindery.app.proxy.ProxyHeaders;
import dev.bindery.app.proxy.ProxySettings;
import dev.bindery.app.web.AccessLog;
import dev.bindery.app.web.LiveStatusBroadcaster;
import dev.bindery.app.web.ServerStatus;
import dev.bindery.app.web.WebApplication;
import dev.bindery.transport.Endpoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Binds the Jetty server and the bundled application. Nothing here opens a socket or starts a
 * thread: Jetty does both in {@code Server.start()}, which {@link ServerLifecycle} calls.
 */
public final class ServerModule extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(ServerLifecycle.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ServerStatus status(@Named(PlatformModule.VERSION) String version, Endpoint endpoint)
    {
        return new ServerStatus(version, endpoint.kind(), endpoint.describe());
    }

    @Provides
    @Singleton
    LiveStatusBroadcaster liveStatus(ServerStatus status)
    {
        return new LiveStatusBroadcaster(status);
    }

    @Provides
    @Singleton
    HttpConfiguration httpConfiguration(ProxySettings proxies)
    {
        HttpConfiguration configuration = new HttpConfiguration();
        // The version is in /api/status for those who may see it; response headers go to anyone
        configuration.setSendServerVersion(false);
        // Before any handler, so that every one of them (and the access log) sees the client
        configuration.addCustomizer(new ProxyHeaders(proxies.trust()));
        return configuration;
    }

    @Provides
    @Singleton
    Server server(AppSettings settings, ServerStatus status, LiveStatusBroadcaster live)
    {
        // Jetty's defaults (8 to 200 threads) suit a small application; the name shows in thread dumps
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("bindery-http");

        Server server = new Server(threads);
        // With a stop timeout, Server.stop() first shuts down gracefully for up to that long
        server.setStopTimeout(settings.shutdownGrace().toMillis());
        server.addBean(live);
        server.setHandler(WebApplication.create(server, status, live, settings.echoLimit()));
        AccessLog.install(server, settings.accessLog());
        return server;
    }
}
