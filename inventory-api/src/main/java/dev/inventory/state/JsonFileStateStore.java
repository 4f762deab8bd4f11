package dev.inventory.state;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.inventory.internal.AtomicFiles;
import dev.inventory.internal.IoErrors;
import dev.inventory.internal.NotWritableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A {@link StateStore} kept in one JSON file (format: {@link StateFileFormat}).
 *
 * <p>What is guaranteed:
 *
 * <ul>
 *   <li>The file always holds a complete state: each change is written to a temp file in the same
 *       directory, synced, and renamed over the file, so a crash leaves the old or the new content.
 *   <li>A change has reached the disk when its method returns. If any step fails, the file and this
 *       store keep their previous content and a {@link StateException} names the file.
 *   <li>No change is lost between writers: threads of one store, several stores on one file in one
 *       JVM, and several processes. Each change holds, in this order, the store's monitor, a lock
 *       shared by all stores of this JVM on the same file, and an exclusive {@link FileLock} on
 *       {@code <file>.lock}; under them it re-reads the file if its bytes differ from what this
 *       store last read or wrote, then applies the change and writes.
 *   <li>Reads come from memory. They see at once what any store of this JVM wrote to the file (a
 *       write counter per file tells them). Another process's write is seen when the file's
 *       identity, modification time or size shows it, and always after this store's next {@code
 *       update}, {@code updateAll} or {@code replaceAll}: two writes within one tick of the file
 *       system's clock, of equal size, can look unchanged, so writes compare the bytes instead.
 *   <li>A corrupt file is never replaced: opening it, or a change once it became corrupt, fails.
 *   <li>A file that cannot be written (read-only, a directory, in a missing or read-only
 *       directory) is refused when the store opens, before anything reads marks from it, and never
 *       replaced. The file keeps its permissions and owner across writes; a new one is created
 *       with mode {@code 600}. Writing goes through {@link AtomicFiles}.
 * </ul>
 *
 * <p>A change function must not write to a store (this or another on the same file): that would
 * wait for the lock it holds, so it is refused with an {@link IllegalStateException}. The lock
 * file is left in place, since deleting it would let two writers lock two different files.
 */
final class JsonFileStateStore implements StateStore {

  /**
   * What all stores of this JVM on one state file share. The lock: a second {@link
   * FileChannel#lock()} on a file this JVM has already locked throws instead of waiting, so stores
   * on one file queue here first. The write counter: lets reads notice a write by another store
   * that the file's stamp cannot show.
   */
  private record SharedFile(ReentrantLock lock, AtomicLong writes) {}

  private static final ConcurrentMap<Path, SharedFile> SHARED = new ConcurrentHashMap<>();

  private final Path file;
  private final Path directory;
  private final Path lockFile;
  private final ReentrantLock jvmLock;
  private final AtomicLong jvmWrites;
  private final AtomicFiles.BeforeMove hook;

  // Guarded by this: the content last read from or written to the file.
  private Map<String, NodeState> states;
  private FileStamp stamp;
  private long seenWrites;
  private byte[] digest;
  private boolean leftoversRemoved;

  private JsonFileStateStore(Path file, Path directory, Path lockKey, AtomicFiles.BeforeMove hook) {
    this.file = file;
    this.directory = directory;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    SharedFile shared = SHARED.computeIfAbsent(lockKey, k -> new SharedFile(new ReentrantLock(), new AtomicLong()));
    this.jvmLock = shared.lock();
    this.jvmWrites = shared.writes();
    this.hook = hook;
  }

  /** Opens the store on {@code file}, reading it fully if it exists. */
  static JsonFileStateStore open(Path file) {
    return open(file, AtomicFiles.BeforeMove.NONE);
  }

  static JsonFileStateStore open(Path file, AtomicFiles.BeforeMove hook) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(hook, "hook");
    Path absolute = file.toAbsolutePath().normalize();
    Path directory = absolute.getParent();
    if (directory == null || absolute.getFileName() == null) {
      throw new StateException("state file " + file + " is not a path to a file: cannot keep marks there "
          + "(give the path of a file or another --state file)");
    }
    // Before any command runs: a store that can read but not write would lose every mark made.
    Optional<AtomicFiles.Unwritable> unwritable = AtomicFiles.whyNotWritable(absolute);
    if (unwritable.isPresent()) {
      throw notWritable(absolute, unwritable.get());
    }
    Path lockKey;
    try {
      // The real path, so that two spellings of one file (a symlinked directory) share one lock.
      lockKey = directory.toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      throw new StateException("cannot open state file " + absolute + ": " + IoErrors.describe(e), e);
    }
    JsonFileStateStore store = new JsonFileStateStore(absolute, directory, lockKey, hook);
    synchronized (store) {
      store.load();
    }
    return store;
  }

  private static StateException notWritable(Path file, AtomicFiles.Unwritable why) {
    return new StateException("state file " + file + " " + why.phrase() + ": cannot keep marks there ("
        + why.remedy() + " or give another --state file)");
  }

  @Override
  public synchronized NodeState get(String id) {
    Objects.requireNonNull(id, "id");
    refreshIfChanged();
    return states.getOrDefault(id, NodeState.EMPTY);
  }

  @Override
  public synchronized Map<String, NodeState> all() {
    refreshIfChanged();
    return new TreeMap<>(states);
  }

  @Override
  public NodeState update(String id, UnaryOperator<NodeState> change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    NodeState[] result = new NodeState[1];
    write(current -> {
      result[0] = Objects.requireNonNull(change.apply(current.getOrDefault(id, NodeState.EMPTY)), "change returned null");
      InMemoryStateStore.put(current, id, result[0]);
    });
    return result[0];
  }

  @Override
  public void updateAll(Collection<String> ids, UnaryOperator<NodeState> change) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(change, "change");
    write(current -> {
      for (String id : ids) {
        NodeState next = Objects.requireNonNull(change.apply(current.getOrDefault(id, NodeState.EMPTY)), "change returned null");
        InMemoryStateStore.put(current, id, next);
      }
    });
  }

  @Override
  public void replaceAll(Map<String, NodeState> replacement) {
    Objects.requireNonNull(replacement, "states");
    Map<String, NodeState> copy = new TreeMap<>();
    replacement.forEach((id, s) -> InMemoryStateStore.put(copy, id, Objects.requireNonNull(s, "state")));
    write(current -> {
      current.clear();
      current.putAll(copy);
    });
  }

  @Override
  public Set<String> importAbsent(Map<String, NodeState> imported) {
    Objects.requireNonNull(imported, "states");
    Map<String, NodeState> copy = new TreeMap<>(imported);
    List<Set<String>> added = new ArrayList<>(1);
    write(current -> added.add(InMemoryStateStore.addAbsent(current, copy)));
    return added.get(0);
  }

  @Override
  public String toString() {
    return "JsonFileStateStore[" + file + "]";
  }

  /** A change to a copy of the current states; it may throw, which leaves everything unchanged. */
  @FunctionalInterface
  private interface Change {
    void apply(Map<String, NodeState> current);
  }

  private synchronized void write(Change change) {
    if (jvmLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("A change function must not write to the state file " + file);
    }
    jvmLock.lock();
    try (FileChannel channel = FileChannel.open(lockFile, CREATE, WRITE)) {
      channel.lock(); // held until the channel closes
      syncWithFile();
      Map<String, NodeState> next = new TreeMap<>(states);
      change.apply(next);
      if (!next.equals(states)) {
        persist(next);
      }
    } catch (IOException e) {
      // Only opening, locking or unlocking the lock file throws IOException here.
      throw new StateException("cannot lock state file " + file + " through " + lockFile + ": "
          + IoErrors.describe(e), e);
    } finally {
      jvmLock.unlock();
    }
  }

  /** Under the lock: makes {@link #states} the file's content, re-parsing only if its bytes differ. */
  private void syncWithFile() {
    // Bytes, not the stamp: two writes within the file system's clock tick, of equal size, can
    // leave modification time and size unchanged, and trusting them would lose an update.
    FileStamp now = stamp();
    byte[] bytes = readBytes();
    byte[] d = bytes == null ? null : sha256(bytes);
    if (!Arrays.equals(d, digest)) {
      states = bytes == null ? new TreeMap<>() : StateFileFormat.read(bytes, file);
      digest = d;
    }
    stamp = now;
    seenWrites = jvmWrites.get();
  }

  /** Outside a write: reloads when the file looks changed (another store or process wrote it). */
  private void refreshIfChanged() {
    if (jvmLock.isHeldByCurrentThread()) {
      return; // inside a change function, which already sees the file's latest content
    }
    if (jvmWrites.get() != seenWrites || !stamp().equals(stamp)) {
      load();
    }
  }

  private void load() {
    // Counter and stamp before the bytes: if the file changes in between, they are the older ones
    // and the next read merely reloads again; the other order could pair old bytes with new ones.
    long writes = jvmWrites.get();
    FileStamp now = stamp();
    byte[] bytes = readBytes();
    Map<String, NodeState> loaded = bytes == null ? new TreeMap<>() : StateFileFormat.read(bytes, file);
    states = loaded;
    digest = bytes == null ? null : sha256(bytes);
    stamp = now;
    seenWrites = writes;
  }

  private void persist(Map<String, NodeState> next) {
    removeLeftoverTempFiles();
    byte[] bytes = StateFileFormat.write(next);
    try {
      AtomicFiles.write(file, out -> out.write(bytes), hook);
    } catch (NotWritableException e) {
      throw notWritable(file, AtomicFiles.whyNotWritable(file)
          .orElse(new AtomicFiles.Unwritable(e.getMessage(), "make it writable")));
    } catch (IOException e) {
      throw new StateException("cannot write state file " + file + ": " + IoErrors.describe(e)
          + "; it keeps its previous content", e);
    }
    states = next;
    digest = sha256(bytes);
    seenWrites = jvmWrites.incrementAndGet();
    stamp = stamp();
  }

  /**
   * Temp files left by a writer that died before its rename. Only under the file lock, when no
   * live writer of this file can own one; once per store, since listing a directory is not free.
   */
  private void removeLeftoverTempFiles() {
    if (leftoversRemoved) {
      return;
    }
    leftoversRemoved = true;
    DirectoryStream.Filter<Path> leftover = p -> AtomicFiles.isTempFileOf(file, p);
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, leftover)) {
      for (Path p : stream) {
        deleteQuietly(p);
      }
    } catch (IOException e) {
      // Leftovers are never read as the state; failing to remove them harms nothing.
    }
  }

  private byte[] readBytes() {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateException("cannot read state file " + file + ": " + IoErrors.describe(e), e);
    }
  }

  private FileStamp stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
    } catch (NoSuchFileException e) {
      return FileStamp.MISSING;
    } catch (IOException e) {
      throw new StateException("cannot read state file " + file + ": " + IoErrors.describe(e), e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A temp file that cannot be deleted is never read as the state; the next write retries.
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** What identifies one version of the file cheaply: which file (inode), when written, how long. */
  private record FileStamp(Object fileKey, FileTime modified, long size) {
    static final FileStamp MISSING = new FileStamp(null, null, -1);
  }
}
