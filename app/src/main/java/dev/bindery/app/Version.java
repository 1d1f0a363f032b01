package dev.bindery.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, as Maven wrote it into a resource when the jar was built. */
public final class Version
{
    private static final String RESOURCE = "version.properties";

    private Version() {}

    public static String current()
    {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/bindery/app/" + RESOURCE
                        + ": the jar was not built by Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Unable to read dev/bindery/app/" + RESOURCE, e);
        }
    }
}
