package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return DemoMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_print_resources_per_kind_of_the_demo_organisation() {
    // WHEN
    int code = run("--now", "2026-05-01T00:00:00Z");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).contains("demo organisation: ")
        .containsPattern("aws_account +12\n")
        .containsPattern("aws_root_user +12\n")
        .containsPattern("cloud +1\n");
  }

  @Test
  void should_export_the_demo_and_load_the_export_with_the_same_counts(@TempDir Path dir) throws Exception {
    // GIVEN
    Path file = dir.resolve("demo.ndjson");
    assertThat(run("--now", "2026-05-01T00:00:00Z", "--export", file.toString())).isZero();
    String demoCounts = out().substring(out().indexOf("by kind:"), out().indexOf("written to"));
    // WHEN
    int code = run("--fixture", file.toString());
    // THEN
    assertThat(code).isZero();
    assertThat(out()).startsWith(file + ": ").contains(demoCounts.strip());
    assertThat(Files.readAllLines(file)).first().asString().contains("\"kind\":\"cloud\"");
  }

  @Test
  void should_report_a_bad_fixture_with_its_line_and_exit_1(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.ndjson");
    Files.writeString(file, "{\"id\":\"aws\",\"reported\":{\"kind\":\"cloud\"}}\n{\"id\":\n");
    assertThat(run("--fixture", file.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("inventory: ").contains("bad.ndjson:2");
  }

  @Test
  void should_reject_bad_usage_with_exit_2() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown or incomplete option '--bogus'");
    assertThat(run("--now", "yesterday")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--now expects an ISO-8601 instant");
  }
}
