package cn.cbecpilot.ceb.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/** File operations of the inbox, all blocking; callers run them on a blocking-friendly scheduler. */
final class InboundFiles {

    private InboundFiles() {}

    /** Regular, visible, finished files: writers that stage under a dot name or a .tmp suffix are skipped. */
    static boolean isReceiptFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part");
    }

    static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundMessage read(Path file) throws IOException {
        return new InboundMessage(
                file.getFileName().toString(),
                Files.readAllBytes(file),
                lastModified(file).toInstant());
    }

    /**
     * Moves the file into {@code folder} atomically. A receipt of the same name archived earlier is kept:
     * the newcomer gets a time prefix, because a rename on POSIX would silently replace it.
     */
    static void moveInto(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = folder.resolve(System.currentTimeMillis() + "_" + file.getFileName());
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
