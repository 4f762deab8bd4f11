package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shell at a terminal (JLine over an xterm terminal fed with the bytes a person's keys send):
 * the up arrow recalls the previous line, tab completes, and no escape sequence reaches the parser.
 */
class ShellTerminalTest {
  private static final String UP = "\u001b[A";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int type(String keys) {
    return Shell.run(new String[] {"--now", "2026-05-01T00:00:00Z"},
        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
  }

  private static long count(String text, String what) {
    return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
  }

  @Test
  void should_recall_the_previous_line_with_the_up_arrow() {
    int code = type("search is(aws_account) | count\r" + UP + "\rquit\r");

    assertThat(code).isZero();
    assertThat(count(out.toString(StandardCharsets.UTF_8), "total matched: 12")).as(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void should_complete_command_names_and_kinds_with_tab() {
    int code = type("kin\t\rsearch is(aws_acc\t | count\rquit\r");

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).as(text).contains("by base kind:").contains("total matched: 12");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void should_not_pass_an_arrow_key_to_the_parser() {
    int code = type(UP + UP + "search is(aws_account) | count\rquit\r");

    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("total matched: 12");
  }
}
