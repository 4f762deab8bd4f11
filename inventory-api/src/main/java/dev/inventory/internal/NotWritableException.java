package dev.inventory.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file cannot be written (read-only, a directory, no such directory, a directory that is not
 * writable); the message says so in words, for example {@code is read-only}. Not API.
 */
public final class NotWritableException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * @param file the file that cannot be written
   * @param reason why, for example {@code is read-only}
   */
  public NotWritableException(Path file, String reason) {
    super(reason);
    this.file = file;
  }

  /** The file that cannot be written. */
  public Path file() {
    return file;
  }
}
