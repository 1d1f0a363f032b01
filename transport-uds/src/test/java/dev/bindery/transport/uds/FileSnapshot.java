package dev.bindery.transport.uds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;

/** What a file looks like on disk, to prove it was neither changed nor replaced. */
record FileSnapshot(Object fileKey, String permissions, long modified, String content)
{
    static FileSnapshot of(Path path) throws IOException
    {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String content;
        if (attributes.isSymbolicLink()) {
            content = "-> " + Files.readSymbolicLink(path);
        }
        else if (attributes.isDirectory()) {
            try (var entries = Files.list(path)) {
                content = "entries " + entries.map(Path::getFileName).sorted().toList();
            }
        }
        else if (attributes.isRegularFile()) {
            content = Arrays.toString(Files.readAllBytes(path));
        }
        else {
            content = "";
        }
        return new FileSnapshot(attributes.fileKey(), attributes.permissions().toString(),
                attributes.lastModifiedTime().toMillis(), content);
    }
}
