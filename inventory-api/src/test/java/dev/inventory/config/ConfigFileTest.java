package dev.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.cleanup.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The position-keeping reader that any configuration format of the project can build on. */
class ConfigFileTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void should_read_sections_keys_and_lists_with_their_positions() throws IOException {
    // GIVEN a file in the shape of a jobs file
    Path file = write("jobs.yaml", """
        jobs:
          - id: mark-stale
            wait_for_event: post_collect
            command: search is(access_key) | clean
        """);
    // WHEN
    ConfigFile config = ConfigFile.read(file);
    config.checkSections(List.of("jobs"));
    ConfigValue job = config.section("jobs").orElseThrow().items().get(0);
    // THEN
    ConfigValue event = job.field("wait_for_event").orElseThrow();
    assertThat(event.asString()).isEqualTo("post_collect");
    assertThat(event.path()).isEqualTo("jobs[0].wait_for_event");
    assertThat(event.keyLine()).isEqualTo(3);
    assertThat(event.keyColumn()).isEqualTo(5);
    assertThat(event.line()).isEqualTo(3);
    assertThat(event.column()).isEqualTo(21);
  }

  @Test
  void should_name_an_unknown_key_of_a_list_item_with_the_closest_known_one() throws IOException {
    // GIVEN
    Path file = write("jobs.yaml", "jobs:\n  - id: a\n    comand: x\n");
    ConfigValue job = ConfigFile.read(file).section("jobs").orElseThrow().items().get(0);
    // WHEN
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> job.checkKeys(List.of("id", "command", "wait_for_event")));
    // THEN
    assertThat(e.getMessage()).isEqualTo(file + ":3:5: jobs[0].comand: unknown key (did you mean 'command'?); "
        + "known keys: id, command, wait_for_event");
  }

  @Test
  void should_name_the_key_and_what_was_expected_for_a_wrong_type_in_json() throws IOException {
    // GIVEN
    Path file = write("c.json", "{\"worker\": {\"cleanup\": \"yes\", \"n\": 2.5}}");
    ConfigValue worker = ConfigFile.read(file).section("worker").orElseThrow();
    // WHEN
    ConfigException flag = catchThrowableOfType(ConfigException.class,
        () -> worker.field("cleanup").orElseThrow().asBoolean());
    ConfigException number = catchThrowableOfType(ConfigException.class,
        () -> worker.field("n").orElseThrow().asInt(0, "an integer"));
    // THEN
    assertThat(flag.getMessage()).isEqualTo(file + ":1:24: worker.cleanup: expected true or false, got string \"yes\"");
    assertThat(number.getMessage()).isEqualTo(file + ":1:36: worker.n: expected an integer, got number 2.5");
  }

  @Test
  void should_say_in_words_that_a_file_is_missing_a_directory_or_not_yaml() throws IOException {
    // WHEN
    ConfigException missing = catchThrowableOfType(ConfigException.class,
        () -> ConfigFile.read(dir.resolve("none.yaml")));
    Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
    ConfigException directory = catchThrowableOfType(ConfigException.class, () -> ConfigFile.read(folder));
    ConfigException broken = catchThrowableOfType(ConfigException.class,
        () -> ConfigFile.read(write("b.json", "{\"worker\": {\"cleanup\": tru}}")));
    // THEN
    assertThat(missing.getMessage()).isEqualTo(dir.resolve("none.yaml") + ": no such file");
    assertThat(directory.getMessage()).isEqualTo(folder + ": is a directory, expected a configuration file");
    assertThat(broken.getMessage()).startsWith(dir.resolve("b.json") + ":1:").contains("not valid JSON (")
        .doesNotContain("Exception").doesNotContain("Source:").doesNotContain("(code ");
  }
}
