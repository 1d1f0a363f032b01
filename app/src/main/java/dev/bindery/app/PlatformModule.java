package dev.bindery.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import com.typesafe.config.Config;
import dev.bindery.app.proxy.ProxySettings;
import dev.bindery.transport.Endpoint;

/**
 * Binds what startup has already read and validated: the configuration every module reads from,
 * the endpoint, the application's settings, whom to trust for forwarded headers, and the version.
 */
public final class PlatformModule extends AbstractModule
{
    public static final String VERSION = "bindery.version";

    private final Config config;
    private final Endpoint endpoint;
    private final AppSettings settings;
    private final ProxySettings proxies;
    private final String version;

    public PlatformModule(
            Config config,
            Endpoint endpoint,
            AppSettings settings,
            ProxySettings proxies,
            String version)
    {
        this.config = requireNonNull(config, "config is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.proxies = requireNonNull(proxies, "proxies is null");
        this.version = requireNonNull(version, "version is null");
    }

    @Override
    protected void configure()
    {
        bind(Config.class).toInstance(config);
        bind(Endpoint.class).toInstance(endpoint);
        bind(AppSettings.class).toInstance(settings);
        bind(ProxySettings.class).toInstance(proxies);
        bindConstant().annotatedWith(Names.named(VERSION)).to(version);
    }
}
