package dev.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void should_replace_the_file_even_when_the_writer_closes_the_stream(@TempDir Path dir) throws IOException {
    // GIVEN
    Path file = dir.resolve("out.json");
    Files.writeString(file, "old");
    // WHEN the content writer closes the stream, as Jackson does
    AtomicFiles.write(file, out -> {
      out.write("new".getBytes(StandardCharsets.UTF_8));
      out.close();
    });
    // THEN
    assertThat(Files.readString(file)).isEqualTo("new");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void should_keep_the_old_content_and_no_temp_file_when_writing_fails(@TempDir Path dir) throws IOException {
    // GIVEN
    Path file = dir.resolve("out.json");
    Files.writeString(file, "old");
    // WHEN
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    // THEN
    assertThat(Files.readString(file)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  private static void assumePosix(Path dir) {
    Assumptions.assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
        "the file system has no POSIX permissions");
  }

  @Test
  void should_create_a_new_file_readable_by_its_owner_only(@TempDir Path dir) throws IOException {
    assumePosix(dir);
    // WHEN
    Path file = dir.resolve("new.json");
    AtomicFiles.write(file, "x".getBytes(StandardCharsets.UTF_8));
    // THEN
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void should_keep_the_mode_and_owner_of_an_existing_file(@TempDir Path dir) throws IOException {
    assumePosix(dir);
    // GIVEN a file of mode 640
    Path file = dir.resolve("kept.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    var owner = Files.getOwner(file);
    // WHEN
    AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));
    // THEN
    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    assertThat(Files.getOwner(file)).isEqualTo(owner);
  }

  @Test
  void should_refuse_a_read_only_file_even_as_root_and_leave_it_alone(@TempDir Path dir) throws IOException {
    assumePosix(dir);
    // GIVEN a file with no write bit for anyone
    Path file = dir.resolve("ro.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    // WHEN / THEN
    assertThat(AtomicFiles.whyNotWritable(file)).map(AtomicFiles.Unwritable::phrase).contains("is read-only");
    assertThatThrownBy(() -> AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NotWritableException.class).hasMessage("is read-only");
    assertThat(Files.readString(file)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void should_say_why_a_path_cannot_be_written(@TempDir Path dir) throws IOException {
    // GIVEN a directory and a file in a missing directory
    Path missing = dir.resolve("nope").resolve("f.json");
    // THEN
    assertThat(AtomicFiles.whyNotWritable(dir)).map(AtomicFiles.Unwritable::phrase).contains("is a directory");
    assertThat(AtomicFiles.whyNotWritable(missing)).map(AtomicFiles.Unwritable::phrase)
        .contains("is in a directory that does not exist (" + missing.getParent() + ")");
    assertThat(AtomicFiles.whyNotWritable(dir.resolve("fine.json"))).isEmpty();
  }
}
