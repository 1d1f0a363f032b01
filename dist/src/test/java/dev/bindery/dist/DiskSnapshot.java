package dev.bindery.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a directory tree holds, entry by entry, to prove that a run of the
 * server created, changed and deleted nothing in it: each entry's type, mode,
 * owner, size, modification time (to the nanosecond), inode and, for a small
 * file, a digest of its content; for a link, its target.
 *
 * <p>A directory's own modification time is left out: the server takes its
 * lock ({@code <socket>.lock}) before it looks at the path, so on the way to
 * some errors it creates the lock file and removes it again, which moves the
 * directory's time but leaves its entries as they were. The entries are all
 * compared.
 */
record DiskSnapshot(Map<String, Entry> entries)
{
    private static final long DIGESTED_SIZE = 64 * 1024;

    /** One file as {@code stat} shows it. */
    record Entry(String type, String mode, int uid, int gid, long size, long modified, long inode,
            String content) {}

    /** The trees under these directories, each entry named by its full path. */
    static DiskSnapshot of(Path... roots)
    {
        Map<String, Entry> entries = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.forEach(path -> entries.put(path.toString(), entry(path)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DiskSnapshot(entries);
    }

    /** The one file or link at the path, not followed. */
    static Entry entry(Path path)
    {
        try {
            Map<String, Object> stat = Files.readAttributes(path,
                    "unix:mode,uid,gid,size,lastModifiedTime,ino", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) stat.get("mode");
            String type = type(mode);
            long size = (Long) stat.get("size");
            long modified = ((FileTime) stat.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
            String content = "";
            switch (type) {
                case "directory" -> modified = 0;
                case "link" -> content = "-> " + Files.readSymbolicLink(path);
                case "file" -> content = size <= DIGESTED_SIZE ? digest(path) : "";
                default -> { }
            }
            return new Entry(type, String.format("%04o", mode & 07777), (Integer) stat.get("uid"),
                    (Integer) stat.get("gid"), type.equals("directory") ? 0 : size, modified,
                    (Long) stat.get("ino"), content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(int mode)
    {
        return switch (mode & 0170000) {
            case 0100000 -> "file";
            case 0040000 -> "directory";
            case 0120000 -> "link";
            case 0140000 -> "socket";
            default -> String.format("type %06o", mode & 0170000);
        };
    }

    private static String digest(Path file) throws IOException
    {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
