package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, the builder, files in YAML and JSON, and errors that name the key, the file and the line. */
class CleanupConfigTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private ConfigException loadError(String name, String text) throws IOException {
    Path file = write(name, text);
    return catchThrowableOfType(ConfigException.class, () -> CleanupConfig.load(file));
  }

  @Test
  void should_default_to_no_cleanup_dry_run_16_threads_and_no_cap() {
    // WHEN
    CleanupConfig config = CleanupConfig.defaults();
    // THEN
    assertThat(config.cleanup()).isFalse();
    assertThat(config.dryRun()).isTrue();
    assertThat(config.poolSize()).isEqualTo(16);
    assertThat(config.maxResources()).isEmpty();
    assertThat(CleanupConfig.builder().build()).isEqualTo(config);
    assertThat(config).hasToString("cleanup=false, cleanup_dry_run=true, cleanup_pool_size=16, cleanup_max_resources=none");
  }

  @Test
  void should_read_the_guide_configuration_from_yaml() throws IOException {
    // GIVEN the worker configuration of the guide, beside another section
    Path file = write("worker.yaml", """
        core:
          anything: [1, 2]
        worker:
          cleanup: true
          cleanup_dry_run: false
          cleanup_pool_size: 16
          cleanup_max_resources: 100
        """);
    // WHEN the reader is told about the other section
    CleanupConfig config = CleanupConfig.load(file, List.of("core"));
    // THEN
    assertThat(config).isEqualTo(new CleanupConfig(true, false, 16, OptionalInt.of(100)));
  }

  @Test
  void should_read_json_and_keep_defaults_for_keys_it_does_not_set() throws IOException {
    // GIVEN
    Path file = write("worker.json", "{\"worker\": {\"cleanup\": true, \"cleanup_max_resources\": null}}");
    // WHEN
    CleanupConfig config = CleanupConfig.load(file);
    // THEN
    assertThat(config).isEqualTo(CleanupConfig.builder().cleanup(true).build());
  }

  @Test
  void should_give_the_defaults_for_a_file_without_a_worker_section() throws IOException {
    assertThat(CleanupConfig.load(write("empty.yml", ""))).isEqualTo(CleanupConfig.defaults());
    assertThat(CleanupConfig.load(write("other.yml", "core: {x: 1}\n"), List.of("core")))
        .isEqualTo(CleanupConfig.defaults());
  }

  @Test
  void should_refuse_a_misspelled_section_naming_the_closest_one() throws IOException {
    // WHEN
    ConfigException e = loadError("worker.yaml", """
        workr:
          cleanup: true
        """);
    // THEN
    assertThat(e.getMessage()).isEqualTo(dir.resolve("worker.yaml") + ":1:1: workr: unknown section "
        + "(did you mean 'worker'?); known sections: worker");
    assertThat(e.line()).hasValue(1);
    assertThat(e.column()).hasValue(1);
  }

  @Test
  void should_name_an_unknown_key_with_the_file_and_line() throws IOException {
    // WHEN
    ConfigException e = loadError("worker.yaml", """
        worker:
          cleanup: true
          clenup_dry_run: false
        """);
    // THEN
    assertThat(e.getMessage()).isEqualTo(dir.resolve("worker.yaml") + ":3:3: worker.clenup_dry_run: unknown key "
        + "(did you mean 'cleanup_dry_run'?); known keys: cleanup, cleanup_dry_run, cleanup_pool_size, "
        + "cleanup_max_resources, cleanup_accounts, cleanup_exclude_accounts");
    assertThat(e.key()).contains("worker.clenup_dry_run");
    assertThat(e.file()).contains(dir.resolve("worker.yaml"));
    assertThat(e.line()).hasValue(3);
  }

  @Test
  void should_name_a_value_of_the_wrong_type_with_the_file_and_line() throws IOException {
    // WHEN
    ConfigException yaml = loadError("worker.yaml", "worker:\n  cleanup_dry_run: \"no\"\n");
    ConfigException json = loadError("worker.json", "{\n  \"worker\": {\n    \"cleanup_pool_size\": \"16\"\n  }\n}\n");
    ConfigException float_ = loadError("w.yml", "worker:\n  cleanup: true\n  cleanup_max_resources: 2.5\n");
    // THEN
    assertThat(yaml.getMessage()).isEqualTo(
        dir.resolve("worker.yaml") + ":2:20: worker.cleanup_dry_run: expected true or false, got string \"no\"");
    assertThat(json.getMessage()).isEqualTo(
        dir.resolve("worker.json") + ":3:26: worker.cleanup_pool_size: expected an integer of at least 1, got string \"16\"");
    assertThat(json.line()).hasValue(3);
    assertThat(float_.getMessage()).endsWith(
        "w.yml:3:26: worker.cleanup_max_resources: expected an integer of at least 0 or null, got number 2.5");
  }

  @Test
  void should_name_a_value_out_of_range_with_the_file_and_line() throws IOException {
    // WHEN
    ConfigException zero = loadError("worker.yaml", "worker:\n  cleanup_pool_size: 0\n");
    ConfigException huge = loadError("worker.yaml", "worker:\n  cleanup_pool_size: 99999999999\n");
    ConfigException negative = loadError("worker.json", "{\"worker\": {\"cleanup_max_resources\": -1}}");
    // THEN
    assertThat(zero.getMessage()).endsWith("worker.yaml:2:22: worker.cleanup_pool_size: expected an integer of at least 1, got 0");
    assertThat(huge.getMessage()).endsWith(
        "worker.yaml:2:22: worker.cleanup_pool_size: expected an integer of at least 1, got 99999999999 (too large)");
    assertThat(negative.getMessage()).endsWith(
        "worker.json:1:38: worker.cleanup_max_resources: expected an integer of at least 0 or null, got -1");
  }

  @Test
  void should_refuse_a_duplicate_key_a_section_of_the_wrong_shape_and_text_that_is_not_yaml() throws IOException {
    // WHEN
    ConfigException duplicate = loadError("worker.yaml", "worker:\n  cleanup: true\n  cleanup: false\n");
    ConfigException list = loadError("worker.yaml", "worker:\n  - cleanup\n");
    ConfigException broken = loadError("worker.json", "{\"worker\": {\"cleanup\": tru}}");
    ConfigException top = loadError("worker.yaml", "- worker\n");
    // THEN
    assertThat(duplicate.getMessage()).contains("worker.yaml:3:").contains("not valid YAML (duplicate key 'cleanup')");
    assertThat(duplicate.line()).hasValue(3);
    assertThat(list.getMessage()).endsWith("worker.yaml:2:3: worker: expected an object of keys, got a list");
    assertThat(broken.getMessage()).contains("worker.json:1:").contains("not valid JSON");
    assertThat(broken.line()).hasValue(1);
    assertThat(top.getMessage()).endsWith("worker.yaml:1:1: expected an object of sections, got a list");
  }

  @Test
  void should_refuse_a_file_of_another_type_and_a_missing_file() throws IOException {
    // WHEN
    ConfigException toml = loadError("worker.toml", "[worker]\n");
    ConfigException missing = catchThrowableOfType(ConfigException.class,
        () -> CleanupConfig.load(dir.resolve("none.yaml")));
    // THEN
    assertThat(toml.getMessage()).endsWith("worker.toml: unsupported file type: expected a name ending in .yaml, .yml or .json");
    assertThat(missing.getMessage()).endsWith("none.yaml: no such file");
  }

  @Test
  void should_set_one_key_from_text_as_config_set_does() {
    // GIVEN
    CleanupConfig config = CleanupConfig.defaults();
    // WHEN
    CleanupConfig changed = config.with("cleanup", "true").with("cleanup_dry_run", "false")
        .with("cleanup_pool_size", "4").with("cleanup_max_resources", "10");
    // THEN
    assertThat(changed).isEqualTo(new CleanupConfig(true, false, 4, OptionalInt.of(10)));
    assertThat(changed.with("cleanup_max_resources", "none").maxResources()).isEmpty();
    assertThat(config).isEqualTo(CleanupConfig.defaults());
  }

  @Test
  void should_validate_a_key_set_from_text_like_a_file() {
    // WHEN
    ConfigException unknown = catchThrowableOfType(ConfigException.class, () -> CleanupConfig.defaults().with("timeout", "5"));
    ConfigException flag = catchThrowableOfType(ConfigException.class, () -> CleanupConfig.defaults().with("cleanup", "yes"));
    ConfigException number = catchThrowableOfType(ConfigException.class,
        () -> CleanupConfig.defaults().with("cleanup_pool_size", "many"));
    ConfigException range = catchThrowableOfType(ConfigException.class,
        () -> CleanupConfig.defaults().with("cleanup_pool_size", "0"));
    // THEN
    assertThat(unknown.getMessage()).isEqualTo(
        "timeout: unknown key in section worker; known keys: cleanup, cleanup_dry_run, cleanup_pool_size, cleanup_max_resources, cleanup_accounts, cleanup_exclude_accounts");
    assertThat(flag.getMessage()).isEqualTo("cleanup: expected true or false, got \"yes\"");
    assertThat(number.getMessage()).isEqualTo("cleanup_pool_size: expected an integer of at least 1, got \"many\"");
    assertThat(range.getMessage()).isEqualTo("cleanup_pool_size: expected an integer of at least 1, got 0");
    assertThat(range.file()).isEmpty();
    assertThat(range.line()).isEmpty();
  }

  @Test
  void should_refuse_out_of_range_values_on_the_builder() {
    // WHEN
    ConfigException pool = catchThrowableOfType(ConfigException.class, () -> CleanupConfig.builder().poolSize(0).build());
    ConfigException max = catchThrowableOfType(ConfigException.class, () -> CleanupConfig.builder().maxResources(-1).build());
    // THEN
    assertThat(pool.getMessage()).isEqualTo("cleanup_pool_size: expected an integer of at least 1, got 0");
    assertThat(max.getMessage()).isEqualTo("cleanup_max_resources: expected an integer of at least 0 or none, got -1");
  }
}
