package dev.inventory.examples.e2e;

import static dev.inventory.examples.e2e.ShellJar.CLEAN_STALE_KEYS;
import static dev.inventory.examples.e2e.ShellJar.COUNT_MARKED;
import static dev.inventory.examples.e2e.ShellJar.MARK_STALE_KEY_OWNERS;
import static dev.inventory.examples.e2e.ShellJar.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.examples.e2e.ShellJar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shell jar obeys the library's contract at its edges: one test per way it did not (the
 * cleanup configuration, the state file, the export, fixture marks, jobs, the config file, users
 * with keys left, the messages and the terminal).
 */
class ShellDefectsIT extends ShellJarTest {
  private static final Pattern JAVA_NAMES =
      Pattern.compile("[A-Z]\\w*(Exception|Error|Feature)\\b|\\bat [a-z]+\\.[\\w.$]+\\(|java\\.[a-z]+\\.");


  private static void assertForPeople(String text) {
    assertThat(JAVA_NAMES.matcher(text).find()).as("no Java class names or stack frames in:\n%s", text).isFalse();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path markedState(String name) {
    Path state = dir.resolve(name);
    Result r = shell.run("--now", NOW, "--state", state.toString(), "-c", CLEAN_STALE_KEYS);
    assertThat(r.code()).as(r.toString()).isZero();
    return state;
  }

  // 1. cleanup: false and the cap are the shell's configuration too.
  // Runs the commands on a state file with the 26 stale keys marked: refused with exit 2, the file unchanged.
  private Result refused(String configText, String... commands) throws IOException {
    Path config = write("worker.yaml", configText);
    Path state = markedState("state.json");
    byte[] before = Files.readAllBytes(state);
    List<String> args = new ArrayList<>(List.of("--now", NOW, "--state", state.toString(), "--config", config.toString()));
    for (String c : commands) {
      args.add("-c");
      args.add(c);
    }

    Result r = shell.run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("refused");
    assertForPeople(r.err());
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    return r;
  }

  @Test
  void should_refuse_a_real_cleanup_when_the_config_file_says_cleanup_false() throws IOException {
    Result r = refused("worker:\n  cleanup: false\n", "cleanup run --no-dry-run");
    assertThat(r.err()).contains("cleanup").contains("config set worker cleanup=true");
  }

  @Test
  void should_refuse_a_real_cleanup_after_config_set_worker_cleanup_false() throws IOException {
    refused("worker:\n  cleanup: true\n", "config set worker cleanup=false", "cleanup run --no-dry-run");
  }

  @Test
  void should_refuse_a_run_over_the_cap_before_any_cleaner_call() throws IOException {
    Result r = refused("worker:\n  cleanup: true\n  cleanup_max_resources: 5\n", "cleanup run --no-dry-run");
    assertThat(r.err()).contains("cleanup_max_resources").contains("26");
  }

  @Test
  void should_plan_with_the_effective_configuration() throws IOException {
    Path config = write("worker.yaml", "worker:\n  cleanup: true\n  cleanup_max_resources: 5\n");

    Result r = shell.run("--now", NOW, "--config", config.toString(), "-c", CLEAN_STALE_KEYS, "-c", "cleanup plan");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("cleanup_max_resources");
  }

  // 2. A read-only state file is never rewritten; the file keeps its mode.
  @Test
  void should_not_touch_a_read_only_state_file() throws IOException {
    Path own = dir.resolve("nobody");
    Files.createDirectory(own);
    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
    ShellJar user = ShellJar.asNonRoot(own);
    Path state = own.resolve("ro.json");
    Result marked = user.run("--now", NOW, "--state", state.toString(), "-c", CLEAN_STALE_KEYS);
    assertThat(marked.code()).as(marked.toString()).isZero();
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r--r--r--"));
    byte[] before = Files.readAllBytes(state);

    Result r = user.run("--now", NOW, "--state", state.toString(), "-c", "search /desired.clean == true | unclean");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains(state.toString());
    assertThat(r.out()).isEmpty();
    assertForPeople(r.err());
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("r--r--r--");
  }

  @Test
  void should_keep_mode_600_of_a_state_file_it_writes() throws IOException {
    Path own = dir.resolve("nobody");
    Files.createDirectory(own);
    ShellJar user = ShellJar.asNonRoot(own);
    Path state = own.resolve("private.json");
    assertThat(user.run("--now", NOW, "--state", state.toString(), "-c", CLEAN_STALE_KEYS).code()).isZero();
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));

    Result r = user.run("--now", NOW, "--state", state.toString(), "-c", "search /desired.clean == true | unclean");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
  }

  // 3. --export writes what the run did.
  @Test
  void should_export_the_marks_of_this_run() {
    Path out = dir.resolve("out.ndjson");
    Result r = shell.run("--now", NOW, "--state", dir.resolve("m.json").toString(), "-c", CLEAN_STALE_KEYS,
        "--export", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();

    Result reread = shell.run("--now", NOW, "--fixture", out.toString(), "-c", COUNT_MARKED);

    assertThat(reread.out()).as(reread.toString()).contains("total matched: 26");
  }

  // 4. Fixture marks are imported also into a state file.
  @Test
  void should_import_the_marks_of_a_fixture_into_a_new_state_file() {
    Path state = markedState("s.json");
    Path fixture = dir.resolve("marked.ndjson");
    assertThat(shell.run("--now", NOW, "--state", state.toString(), "--export", fixture.toString(), "-c", "kinds").code())
        .isZero();

    Result r = shell.run("--now", NOW, "--fixture", fixture.toString(), "--state", dir.resolve("new.json").toString(),
        "-c", COUNT_MARKED);

    assertThat(r.out()).as(r.toString()).contains("total matched: 26");
  }

  // 5. Scheduled jobs run while the shell reads its input; jobs outlive the shell.
  @Test
  void should_run_a_scheduled_job_while_reading_standard_input() {
    Result r = shell.runUntil("jobs add --id every_minute --schedule \"* * * * *\" 'search is(aws_account) | count'\n",
        out -> out.contains("total matched: 12"), Duration.ofSeconds(75));

    assertThat(r.out()).as(r.toString()).contains("Job every_minute added.").contains("every_minute")
        .contains("total matched: 12");
    assertThat(r.code()).isZero();
  }

  @Test
  void should_keep_jobs_across_restarts_next_to_the_state_file() {
    String state = dir.resolve("state.json").toString();
    Result added = shell.run("--state", state, "-c", "jobs add --id nightly --schedule \"0 3 * * *\" 'search is(user) | count'");
    assertThat(added.code()).as(added.toString()).isZero();
    assertThat(added.out()).contains("only while");

    Result listed = shell.run("--state", state, "-c", "jobs list");

    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("nightly").contains("0 3 * * *");
    assertThat(dir.resolve("state.json.jobs.json")).exists();
  }

  @Test
  void should_report_an_unknown_key_in_the_jobs_file_with_its_place() throws IOException {
    write("state.json.jobs.json", "[\n  {\"id\": \"a\", \"comand\": \"search is(user) | count\"}\n]\n");

    Result r = shell.run("--state", dir.resolve("state.json").toString(), "-c", "jobs list");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("state.json.jobs.json:2:").contains("comand").contains("did you mean 'command'");
    assertForPeople(r.err());
  }

  // 6. A misspelt section of the config file is an error.
  @Test
  void should_reject_a_misspelt_config_section() throws IOException {
    Path config = write("worker.yaml", "workr:\n  cleanup: true\n");

    Result r = shell.run("--config", config.toString(), "-c", "config show");

    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("worker.yaml:1:").contains("workr").contains("did you mean 'worker'");
    assertForPeople(r.err());
  }

  // 7. A user that still owns keys is not cleaned.
  @Test
  void should_skip_users_that_still_own_keys() throws IOException {
    Path config = write("worker.yaml", "worker:\n  cleanup: true\n");

    Result r = shell.run("--now", NOW, "--config", config.toString(), "-c", MARK_STALE_KEY_OWNERS,
        "-c", "cleanup run --no-dry-run");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(Pattern.compile("(?m)^cleaned .*aws_iam_user").matcher(r.out()).find()).as(r.out()).isFalse();
    assertThat(r.out()).contains("skipped");
  }

  // 8. Messages for people.
  @Test
  void should_name_a_missing_fixture_without_class_names() {
    Result r = shell.run("--fixture", dir.resolve("nope.ndjson").toString(), "-c", "kinds");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("nope.ndjson");
    assertForPeople(r.err());
  }

  @Test
  void should_report_a_corrupt_state_file_or_a_directory_without_class_names() throws IOException {
    Path corrupt = write("corrupt.json", "{\"nodes\": [1, 2");
    Result r = shell.run("--state", corrupt.toString(), "-c", "kinds");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("corrupt.json");
    assertForPeople(r.err());

    Path directory = Files.createDirectory(dir.resolve("state-dir"));
    Result d = shell.run("--state", directory.toString(), "-c", "kinds");
    assertThat(d.code()).as(d.toString()).isEqualTo(1);
    assertThat(d.err()).contains("state-dir").doesNotContain("Is a directory");
    assertForPeople(d.err());
  }

  @Test
  void should_print_no_stack_trace_when_the_workflow_cleanup_is_refused() throws IOException {
    Path config = write("worker.yaml", "worker:\n  cleanup: true\n  cleanup_max_resources: 5\n");

    Result r = shell.run("--now", NOW, "--config", config.toString(), "-c", CLEAN_STALE_KEYS,
        "-c", "workflow run collect_and_cleanup");

    assertForPeople(r.out() + r.err());
    assertThat(r.out() + r.err()).contains("cleanup_max_resources");
  }

  @Test
  void should_list_the_commands_for_an_unknown_one_and_suggest_the_closest() {
    Result foo = shell.run("-c", "foo");
    assertThat(foo.code()).isEqualTo(2);
    assertThat(foo.err()).contains("unknown command 'foo'").contains("search").contains("kinds").contains("jobs")
        .doesNotContain("a command line starts with");

    Result typo = shell.run("-c", "kinsd");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("did you mean 'kinds'?");

    Result extra = shell.run("-c", "kinds extra");
    assertThat(extra.code()).isEqualTo(2);
    assertThat(extra.err()).contains("kinds takes no arguments");
  }

  @Test
  void should_list_each_command_once_in_help() {
    Result r = shell.run("-c", "help");
    assertThat(r.code()).isZero();
    assertThat(Pattern.compile("(?m)^help\\b").matcher(r.out()).results().count()).isEqualTo(1);
  }

  @Test
  void should_print_the_jobs_usage_and_fail_on_unknown_job_ids() {
    Result usage = shell.run("-c", "jobs");
    assertThat(usage.code()).isZero();
    assertThat(usage.out()).contains("jobs add").contains("jobs list").doesNotContain("unknown jobs command");

    Result show = shell.run("-c", "jobs show nope");
    assertThat(show.code()).isEqualTo(1);
    assertThat(show.err()).contains("nope");
  }

  @Test
  void should_show_a_long_line_only_around_the_error() {
    String line = "search name == a and " + "name == b and ".repeat(7_000) + "name === c";

    Result r = shell.run("-c", line);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().length()).isLessThan(600);
    String[] lines = r.err().split("\n");
    java.util.regex.Matcher place = Pattern.compile("^line 1:(\\d+): ").matcher(lines[0]);
    assertThat(place.find()).as(r.err()).isTrue();
    int offset = Integer.parseInt(place.group(1)) - 1;
    String shown = lines[1];
    String caret = lines[2];
    assertThat(shown).startsWith("...").endsWith("= c").hasSizeLessThan(100);
    // the caret stands under the character the column names
    assertThat(shown.charAt(caret.indexOf('^'))).isEqualTo(line.charAt(offset));
    assertThat(line.substring(offset)).startsWith(shown.substring(caret.indexOf('^')));
  }

  @Test
  void should_accept_list_options_after_the_columns() {
    Result r = shell.run("--now", NOW, "-c", "search is(aws_account) | list name, id --csv");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("name,id\n");
  }

  // 9. The terminal: control characters are escaped when echoed.
  @Test
  void should_escape_control_characters_in_error_messages() {
    Result r = shell.run("-c", "search name == x\u001b[2J and (");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("\u001b").contains("\\e[2J");
  }
}
