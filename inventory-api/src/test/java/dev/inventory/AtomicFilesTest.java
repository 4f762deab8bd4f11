package dev.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
