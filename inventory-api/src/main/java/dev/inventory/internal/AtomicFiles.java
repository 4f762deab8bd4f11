package dev.inventory.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The one way this project replaces a file: the content goes to a temporary file in the same
 * directory, which is synced, then moved over the target at once (a plain replacing move where the
 * file system has no atomic one), and the directory is synced, so a crash leaves the old or the new
 * file, never a torn one, and a write that returned is on disk.
 *
 * <p>Permissions: an existing target keeps its POSIX permissions and, where the process may set
 * them, its owner and group; a new file gets {@code rw-------}, where the file system is POSIX. The
 * temporary file is created with {@code rw-------}, so no one else ever reads a half-written one.
 * A target that cannot be written ({@link #whyNotWritable(Path)}) is refused and left alone: a
 * person who made a file read-only meant it. Not API: shared by the state store, the fixture
 * writer and the job files.
 */
public final class AtomicFiles {
  private static final Set<PosixFilePermission> NEW_FILE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> ANY_WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private AtomicFiles() {}

  /** Writes content to a stream. */
  @FunctionalInterface
  public interface Content {
    /**
     * @param out where the content goes; closing it is allowed and harmless
     * @throws IOException when writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Runs after the temporary file is written and synced, before it replaces the target (a test seam). */
  @FunctionalInterface
  public interface BeforeMove {
    /** Does nothing. */
    BeforeMove NONE = temp -> { };

    /**
     * @param temp the temporary file
     * @throws IOException to fail the write; the target keeps its content
     */
    void beforeMove(Path temp) throws IOException;
  }

  /**
   * Replaces {@code target} with {@code bytes}.
   *
   * @param target the file
   * @param bytes the new content
   * @throws NotWritableException when the target cannot be written (see {@link #whyNotWritable})
   * @throws IOException when writing fails; the target keeps its previous content
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes), BeforeMove.NONE);
  }

  /**
   * Replaces {@code target} with what {@code content} writes.
   *
   * @param target the file
   * @param content writes the new content
   * @throws NotWritableException when the target cannot be written (see {@link #whyNotWritable})
   * @throws IOException when writing fails; the temporary file is removed and the target keeps its
   *     previous content
   */
  public static void write(Path target, Content content) throws IOException {
    write(target, content, BeforeMove.NONE);
  }

  /**
   * As {@link #write(Path, Content)}, calling {@code hook} just before the move.
   *
   * @param target the file
   * @param content writes the new content
   * @param hook runs before the move
   * @throws IOException as {@link #write(Path, Content)}
   */
  public static void write(Path target, Content content, BeforeMove hook) throws IOException {
    Path absolute = target.toAbsolutePath();
    Optional<Unwritable> problem = whyNotWritable(absolute);
    if (problem.isPresent()) {
      throw new NotWritableException(absolute, problem.get().phrase());
    }
    Path dir = absolute.getParent();
    Optional<PosixFileAttributes> existing = posixAttributes(absolute);
    Path temp = createTemp(absolute);
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
      if (existing.isPresent()) {
        keepPermissionsAndOwner(temp, existing.get());
      }
      hook.beforeMove(temp);
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
    syncDirectory(dir);
  }

  /**
   * Creates {@code file} empty, with mode {@code 600} where the file system is POSIX, unless it
   * exists; for files that are appended to rather than replaced (the audit trail).
   *
   * @param file the file
   * @throws IOException when it cannot be created
   */
  public static void createIfAbsent(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (Files.exists(absolute) || absolute.getParent() == null) {
      return;
    }
    boolean posix = Files.getFileAttributeView(absolute.getParent(), PosixFileAttributeView.class) != null;
    try {
      if (posix) {
        Files.createFile(absolute, PosixFilePermissions.asFileAttribute(NEW_FILE));
      } else {
        Files.createFile(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      // created by another writer in between: it is there, which is all that was asked
    }
  }

  /**
   * Whether {@code candidate} is a temporary file that {@link #write} makes for {@code target}
   * (named {@code <target name>.tmp-<number>}), for example one left by a process that died.
   *
   * @param target the file written
   * @param candidate a file in the same directory
   * @return whether it is one of the target's temporary files
   */
  public static boolean isTempFileOf(Path target, Path candidate) {
    Path name = candidate.getFileName();
    Path targetName = target.getFileName();
    return name != null && targetName != null
        && Pattern.matches(Pattern.quote(targetName.toString()) + "\\.tmp-[0-9]+", name.toString());
  }

  /**
   * Why a file cannot be written, in words that follow its name.
   *
   * @param phrase for example {@code is read-only}, {@code is a directory}, {@code is in a
   *     directory that does not exist (/x)}
   * @param remedy what a person can do, for example {@code make it writable}
   */
  public record Unwritable(String phrase, String remedy) {}

  /**
   * Why {@code target} cannot be written, or empty when it can: it is a directory, it is
   * read-only, its directory does not exist or is not writable.
   *
   * <p>On a POSIX file system the permission bits decide, since {@link Files#isWritable} says yes
   * to root for a file of mode {@code 444}: a file with no write bit for anyone is read-only for
   * everyone, root included, as whoever made it so meant it; a file owned by the current user needs
   * the owner's write bit; otherwise the platform's answer is taken (group and other bits cannot be
   * matched against the process's groups from Java). Root may write anything else.
   *
   * @param target the file to write
   * @return the reason it cannot be written, if it cannot
   */
  public static Optional<Unwritable> whyNotWritable(Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      return Optional.of(new Unwritable("is a directory", "give the path of a file"));
    }
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.of(new Unwritable("is in a directory that does not exist (" + dir + ")",
          "create the directory first"));
    }
    if (Files.exists(absolute) && !mayWrite(absolute)) {
      return Optional.of(new Unwritable("is read-only", "make it writable"));
    }
    if (!mayWrite(dir)) {
      return Optional.of(new Unwritable("is in a directory that is not writable (" + dir + ")",
          "make the directory writable"));
    }
    return Optional.empty();
  }

  private static boolean mayWrite(Path path) {
    Optional<PosixFileAttributes> posix = posixAttributes(path);
    if (posix.isEmpty()) {
      return Files.isWritable(path);
    }
    Set<PosixFilePermission> permissions = posix.get().permissions();
    if (permissions.stream().noneMatch(ANY_WRITE::contains)) {
      return false;
    }
    String user = System.getProperty("user.name", "");
    if (user.equals("root")) {
      return true;
    }
    if (posix.get().owner().getName().equals(user)) {
      return permissions.contains(PosixFilePermission.OWNER_WRITE);
    }
    return Files.isWritable(path);
  }

  private static Optional<PosixFileAttributes> posixAttributes(Path path) {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null || !Files.exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAttributes(path, PosixFileAttributes.class));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static Path createTemp(Path target) throws IOException {
    boolean posix = Files.getFileAttributeView(target.getParent(), PosixFileAttributeView.class) != null;
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(NEW_FILE)}
        : new FileAttribute<?>[0];
    while (true) {
      Path temp = target.resolveSibling(
          target.getFileName() + ".tmp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
      try {
        return Files.createFile(temp, attributes);
      } catch (FileAlreadyExistsException e) {
        // another writer's temp file (or a leftover) has this name: draw another
      }
    }
  }

  /** The target's mode, owner and group on the temp file; owner and group only where allowed. */
  private static void keepPermissionsAndOwner(Path temp, PosixFileAttributes was) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    UserPrincipal owner = was.owner();
    try {
      if (!view.getOwner().equals(owner)) {
        view.setOwner(owner);
      }
      if (!view.readAttributes().group().equals(was.group())) {
        view.setGroup(was.group());
      }
    } catch (IOException e) {
      // Only a privileged process may give a file away; the content and mode still count.
    }
    view.setPermissions(was.permissions());
  }

  /** Makes the move durable; some platforms cannot open a directory, and then there is nothing to do. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported here (for example on Windows); the move itself has happened.
    }
  }
}
