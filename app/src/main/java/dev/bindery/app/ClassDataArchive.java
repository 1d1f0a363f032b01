package dev.bindery.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import javax.management.ObjectName;

/**
 * Saves the classes this run loaded as a class-data sharing archive, when the launcher asks for
 * one with {@code -Dbindery.cds-archive=<file>} and {@code -XX:+RecordDynamicDumpInfo}. The next
 * start maps the archive instead of loading those classes from the jars again.
 *
 * <p>Saved only once the server has started, never by a start that failed: a bad setting leaves
 * nothing on disk. The JVM writes the archive (a pause of a few hundred milliseconds, once), to a
 * name of this process, and it is then renamed into place, so that a concurrent start never maps
 * half a file.
 */
final class ClassDataArchive
{
    static final String PROPERTY = "bindery.cds-archive";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);

    private ClassDataArchive() {}

    /** Saves the archive in the background, if the launcher asked for it. */
    static void saveIfAsked()
    {
        requestedArchive().ifPresent(archive -> {
            Thread saver = new Thread(() -> save(archive), "class-data-archive");
            saver.setDaemon(true);
            saver.start();
        });
    }

    private static Optional<Path> requestedArchive()
    {
        return Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }

    private static void save(Path archive)
    {
        Path pending = archive.resolveSibling(
                archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            // Only this user may write it: the JVM trusts what an archive holds like a jar
            Files.createDirectories(archive.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", pending.toString()}},
                    new String[] {String[].class.getName()});

            if (Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
                LOG.debug("Saved the class-data archive {}", archive);
            }
        }
        catch (Exception | LinkageError e) {
            // A cache: without it the server only starts more slowly
            LOG.debug("Unable to save the class-data archive {}", archive, e);
        }
        finally {
            try {
                Files.deleteIfExists(pending);
            }
            catch (IOException e) {
                LOG.debug("Unable to remove {}", pending, e);
            }
        }
    }
}
