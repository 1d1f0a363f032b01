package dev.bindery.transport;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A Unix domain socket at an absolute path. */
public record UnixSocketEndpoint(Path path) implements Endpoint
{
    public UnixSocketEndpoint
    {
        requireNonNull(path, "path is null");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("Unix socket path " + path + " is not absolute");
        }
        path = path.normalize();
    }

    @Override
    public String kind()
    {
        return "unix";
    }

    @Override
    public String describe()
    {
        return "unix:" + path;
    }
}
