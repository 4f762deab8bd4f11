package dev.inventory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file at once: the content goes to a temporary file beside it, is forced to disk, and
 * the temporary file is renamed over the target, so a crash leaves the old or the new file, never a
 * torn one. The fixture writer and the job store use it; so may a program that keeps its own
 * files next to theirs.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the new content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the whole content to {@code out}; closing {@code out} is allowed and only flushes.
     *
     * @param out the stream to the temporary file
     * @throws IOException if the content cannot be written; the target is then left unchanged
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces {@code target} with what {@code content} writes. On failure the temporary file is
   * removed and {@code target} keeps its previous content.
   *
   * @param target the file to create or replace; its directory must exist
   * @param content writes the new content
   * @throws IOException if the temporary file cannot be created, written, forced to disk or
   *     renamed over {@code target}
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = Files.createTempFile(dir, absolute.getFileName().toString() + ".", ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        // Content writers (Jackson among them) may close the stream; the channel must stay open for force().
        OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            this.out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
