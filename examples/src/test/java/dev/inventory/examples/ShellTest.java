package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell, driven as a user drives it: command lines in, text and an exit code out. */
class ShellTest {
  private static final String NOW = "2026-05-01T00:00:00Z";
  private static final String STALE_OWNERS =
      "search is(access_key) and last_access > 90days <-- is(user) | count name";
  private static final String STALE_OWNERS_BUT_CI =
      "search is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci] | count name";
  private static final String CLEAN_STALE_KEYS =
      "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]"
          + " | clean \"unused for 90 days\"";
  private static final String GUIDE_AS_PRINTED =
      "search is(access_key) and last_access > 90days and / not in [jenkins, ci] | clean";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return runWithInput("", args);
  }

  private int runWithInput(String input, String... args) {
    out.reset();
    err.reset();
    InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    return Shell.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_count_the_owners_of_stale_keys_as_the_guide_does() {
    // WHEN
    int code = run("--now", NOW, "-c", STALE_OWNERS);
    // THEN
    assertThat(code).isZero();
    assertThat(out()).isEqualTo(String.join("\n",
        "ccm-sa: 1", "jenkins: 1", "nancy: 1", "ci: 2", "db-runner: 3", "packer-ami: 9", "test-max: 12",
        "total matched: 29", "total unmatched: 0", ""));
  }

  @Test
  void should_count_the_owners_other_than_jenkins_and_ci() {
    assertThat(run("-c", STALE_OWNERS_BUT_CI)).isZero();
    assertThat(out()).isEqualTo(String.join("\n",
        "ccm-sa: 1", "nancy: 1", "db-runner: 3", "packer-ami: 9", "test-max: 12",
        "total matched: 26", "total unmatched: 0", ""));
  }

  @Test
  void should_mark_the_26_stale_keys_and_find_them_by_their_mark() {
    // WHEN
    int code = run("--now", NOW, "-c", CLEAN_STALE_KEYS, "-c", "search /desired.clean == true | count",
        "-c", "search /desired.clean == true and is(user) | count");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).contains("total matched: 26\ntotal unmatched: 0\n")
        .endsWith("total matched: 0\ntotal unmatched: 0\n");
  }

  @Test
  void should_reject_the_guides_bare_slash_with_exit_2_a_caret_and_no_marks() {
    // WHEN
    int code = run("--now", NOW, "-c", GUIDE_AS_PRINTED);
    // THEN
    assertThat(code).isEqualTo(2);
    int slash = GUIDE_AS_PRINTED.indexOf(" / ") + 1;
    assertThat(err()).startsWith("line 1:" + (slash + 1) + ": expected a property name after '/'\n"
        + GUIDE_AS_PRINTED + "\n" + " ".repeat(slash) + "^");
    // and a following run in the same shell sees no marks
    assertThat(runWithInput(GUIDE_AS_PRINTED + "\nsearch /desired.clean == true | count\n", "--now", NOW)).isEqualTo(2);
    assertThat(out()).doesNotContain("total matched: 26");
  }

  @Test
  void should_show_both_readings_when_and_and_or_are_mixed() {
    int code = run("-c", "search is(access_key) and last_access > 90days or name == nancy and age > 1d");
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("(is(access_key) and last_access > 90days) or (name == nancy and age > 1d)")
        .contains("is(access_key) and (last_access > 90days or name == nancy) and age > 1d");
  }

  @Test
  void should_keep_marks_in_a_state_file_across_runs(@TempDir Path dir) {
    // GIVEN
    Path state = dir.resolve("state.json");
    assertThat(run("--now", NOW, "--state", state.toString(), "-c", CLEAN_STALE_KEYS)).isZero();
    // WHEN a second shell opens the same state file
    int code = run("--now", NOW, "--state", state.toString(), "-c", "search /desired.clean == true | count");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).isEqualTo("total matched: 26\ntotal unmatched: 0\n");
    assertThat(state).exists();
  }

  @Test
  void should_read_command_lines_from_standard_input_without_a_prompt() {
    int code = runWithInput("# a comment\n\nsearch is(aws_account) | count\nsearch is(aws_root_user) | count\n", "--now", NOW);
    assertThat(code).isZero();
    assertThat(out()).isEqualTo("total matched: 12\ntotal unmatched: 0\ntotal matched: 12\ntotal unmatched: 0\n");
  }

  @Test
  void should_load_a_fixture_and_export_one(@TempDir Path dir) throws Exception {
    // GIVEN the demo organisation exported with its marks
    Path state = dir.resolve("state.json");
    Path file = dir.resolve("demo.ndjson");
    assertThat(run("--now", NOW, "--state", state.toString(), "-c", CLEAN_STALE_KEYS)).isZero();
    assertThat(run("--now", NOW, "--state", state.toString(), "--export", file.toString(), "-c", "kinds")).isZero();
    String demoKinds = out();
    // WHEN the export is loaded as a fixture
    int code = run("--fixture", file.toString(), "-c", "kinds", "-c", "search /desired.clean == true | count");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).startsWith(demoKinds).endsWith("total matched: 26\ntotal unmatched: 0\n");
    assertThat(Files.readString(file)).contains("\"clean_reason\":\"unused for 90 days\"");
  }

  @Test
  void should_exit_1_on_a_broken_fixture_naming_the_line(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.ndjson");
    Files.writeString(file, "{\"id\":\"aws\",\"reported\":{\"kind\":\"cloud\"}}\n{\"id\":\n");
    assertThat(run("--fixture", file.toString(), "-c", "kinds")).isEqualTo(1);
    assertThat(err()).startsWith("inventory: ").contains("bad.ndjson:2");
  }

  @Test
  void should_exit_2_on_bad_usage() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown option '--bogus'").contains("usage: inventory");
    assertThat(run("--now", "yesterday")).isEqualTo(2);
    assertThat(err()).contains("--now expects an ISO-8601 instant");
    assertThat(run("-c")).isEqualTo(2);
    assertThat(err()).contains("option -c needs a value");
  }

  @Test
  void should_exit_2_on_bad_aws_options_before_calling_anything() {
    assertThat(run("--profile", "prod")).isEqualTo(2);
    assertThat(err()).contains("--profile needs --aws");
    assertThat(run("--aws", "--fixture", "x.ndjson")).isEqualTo(2);
    assertThat(err()).contains("--aws and --fixture exclude each other");
    assertThat(run("--aws", "--role-arn", "arn:aws:iam::12:user/x")).isEqualTo(2);
    assertThat(err()).contains("--role-arn expects a role ARN such as arn:aws:iam::111111111111:role/inventory, got 'arn:aws:iam::12:user/x'");
    assertThat(run("--aws", "--external-id", "abc")).isEqualTo(2);
    assertThat(err()).contains("--external-id belongs to a role: give --role-arn ARN before it");
    assertThat(run("--aws", "--last-used", "sometimes")).isEqualTo(2);
    assertThat(err()).contains("--last-used: unknown last-used mode 'sometimes': expected one of per-key, credential-report, auto");
    assertThat(run("--aws", "--endpoint-url", "localhost:4566")).isEqualTo(2);
    assertThat(err()).contains("--endpoint-url expects an http(s) URL");
    assertThat(run("--aws", "--requests-per-second", "-1")).isEqualTo(2);
    assertThat(err()).contains("--requests-per-second expects a number >= 0");
  }

  @Test
  void should_list_the_commands_with_help() {
    assertThat(run("-c", "help")).isZero();
    assertThat(out()).contains("count").contains("clean").contains("kinds");
  }

  @Test
  void should_count_resources_per_kind() {
    assertThat(run("--now", NOW, "-c", "kinds")).isZero();
    assertThat(out()).containsPattern("aws_account +12\n").containsPattern("access_key +79\n")
        .contains("total: 195 resources");
  }

  @Test
  void should_plan_26_keys_and_report_26_would_clean_in_a_dry_run() {
    // WHEN
    int code = run("--now", NOW, "-c", CLEAN_STALE_KEYS, "-c", "cleanup plan", "-c", "cleanup run",
        "-c", "search /metadata.cleaned == true | count");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).contains("26").contains("would_clean")
        .endsWith("total matched: 0\ntotal unmatched: 0\n");
  }

  @Test
  void should_clean_the_26_keys_in_state_with_no_dry_run() {
    // WHEN
    int code = run("--now", NOW, "-c", CLEAN_STALE_KEYS, "-c", "config set worker cleanup=true", "-c", "cleanup run --no-dry-run",
        "-c", "search /metadata.cleaned == true | count", "-c", "search /metadata.cleaned == true and is(user) | count");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).contains("cleaned")
        .contains("total matched: 26\ntotal unmatched: 0\ntotal matched: 0\ntotal unmatched: 0\n");
  }

  @Test
  void should_never_clean_a_protected_key() {
    int code = run("--now", NOW, "-c", CLEAN_STALE_KEYS,
        "-c", "search is(access_key) and /ancestors.user.reported.name == nancy | protect \"owned by the CFO\"",
        "-c", "config set worker cleanup=true", "-c", "cleanup run --no-dry-run", "-c", "search /metadata.cleaned == true | count",
        "-c", "search /metadata.cleaned == true and /ancestors.user.reported.name == nancy | count");
    assertThat(code).isZero();
    assertThat(out()).contains("total matched: 25\ntotal unmatched: 0\ntotal matched: 0\ntotal unmatched: 0\n");
  }

  @Test
  void should_reject_an_unknown_cleanup_subcommand_with_exit_2() {
    assertThat(run("-c", "cleanup everything")).isEqualTo(2);
    assertThat(err()).contains("expected 'cleanup plan' or 'cleanup run [--dry-run|--no-dry-run]'");
  }

  private static final String JOB_ADD = "jobs add --id clean_outdated_access_keys --wait-for-event post_collect"
      + " 'search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci] | clean'";

  @Test
  void should_run_the_guide_flow_with_a_job_at_post_collect_and_clean_26_keys() {
    // WHEN
    int code = run("--now", NOW, "-c", "config set worker cleanup=true", "-c", "config set worker cleanup_dry_run=false",
        "-c", JOB_ADD, "-c", "workflow run collect_and_cleanup", "-c", "search /metadata.cleaned == true | count");
    // THEN
    assertThat(err()).isEmpty();
    assertThat(code).isZero();
    assertThat(out()).contains("Job clean_outdated_access_keys added.\n")
        .contains("job clean_outdated_access_keys at post_collect: ok")
        .containsPattern("cleanup: [a-z]+: cleaned 26")
        .endsWith("total matched: 26\ntotal unmatched: 0\n");
  }

  @Test
  void should_only_report_would_clean_in_a_dry_run() {
    // WHEN
    int code = run("--now", NOW, "-c", "config set worker cleanup=true", "-c", "config set worker cleanup_dry_run=true",
        "-c", JOB_ADD, "-c", "workflow run collect_and_cleanup", "-c", "search /metadata.cleaned == true | count");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).containsPattern("cleanup: [a-z]+: dry run: would_clean 26")
        .endsWith("total matched: 0\ntotal unmatched: 0\n");
  }

  @Test
  void should_say_cleanup_is_disabled_by_default_and_show_the_config() {
    // WHEN
    int code = run("--now", NOW, "-c", "config show", "-c", "workflow run collect_and_cleanup",
        "-c", "workflow history collect_and_cleanup", "-c", "workflow list");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).startsWith("worker:\n  cleanup: false\n  cleanup_dry_run: ")
        .contains("cleanup is disabled").contains("collect_and_cleanup\n").contains(" ok\n");
  }

  @Test
  void should_fail_with_exit_code_2_and_add_nothing_for_a_broken_job_query() {
    // WHEN
    int code = runWithInput(String.join("\n",
        "jobs add --id broken 'search is(access_key) and / not in [jenkins, ci] | clean'", "jobs list", ""));
    // THEN
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("line 1:");
    assertThat(out()).doesNotContain("broken");
  }

  @Test
  void should_list_no_job_after_a_broken_add_in_a_terminal_session() {
    // WHEN at a terminal the shell goes on after the error
    out.reset();
    err.reset();
    int code = Shell.run(new String[0], new java.io.ByteArrayInputStream(String.join("\n",
            "jobs add --id broken 'search is(access_key) and / not in [jenkins, ci] | clean'",
            "jobs show broken", "").getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
    // THEN
    assertThat(code).isZero();
    assertThat(err()).contains("no job with the id 'broken'");
  }

  @Test
  void should_read_the_worker_configuration_from_a_file(@TempDir Path dir) throws Exception {
    // GIVEN
    Path file = dir.resolve("worker.yaml");
    Files.writeString(file, "worker:\n  cleanup: true\n  cleanup_dry_run: true\n");
    // WHEN
    int code = run("--now", NOW, "--config", file.toString(), "-c", "config show");
    // THEN
    assertThat(code).isZero();
    assertThat(out()).startsWith("worker:\n  cleanup: true\n  cleanup_dry_run: true\n");
  }
}
