package dev.inventory.cleanup;

import dev.inventory.InventoryException;
import dev.inventory.internal.AtomicFiles;
import dev.inventory.internal.IoErrors;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The default audit trail: appends one JSON object per outcome ({@link AuditEntry#toJson()}) to a
 * file, one per line, flushed after every line so that a crash loses at most the line being
 * written. Thread-safe; lines of concurrent writers never interleave. Earlier content is kept.
 *
 * <pre>{@code
 * try (JsonLinesAuditSink audit = new JsonLinesAuditSink(Path.of("/var/log/inventory/cleanup.jsonl"))) {
 *   CleanupExecutor.builder().auditSink(audit).build().run(plan);
 * }
 * }</pre>
 */
public final class JsonLinesAuditSink implements AuditSink, Closeable {
  private final Path file;
  private final BufferedWriter out;

  /**
   * Opens (or creates, with mode {@code 600} where the file system is POSIX) {@code file} for
   * appending.
   *
   * @throws InventoryException if the file cannot be opened
   */
  public JsonLinesAuditSink(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    try {
      AtomicFiles.createIfAbsent(file); // a new audit trail is readable by its owner only
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new InventoryException("cannot open the audit file " + file + ": " + IoErrors.describe(e), e);
    }
  }

  /** The file this sink appends to. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void record(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    try {
      out.write(entry.toJson());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit file " + file, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
