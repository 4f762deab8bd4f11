package dev.inventory.query.job;

import dev.inventory.Suggestions;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.workflow.CronException;
import dev.inventory.workflow.CronExpression;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text form of {@link Jobs}, Fix Inventory's {@code jobs} command.
 *
 * <pre>{@code
 * new JobsCommand(jobs).execute("add --id k --wait-for-event post_collect 'search is(access_key) | clean'");
 * // "Job k added."
 * }</pre>
 *
 * <p>Sub-commands: {@code add --id ID [--wait-for-event EVENT] [--schedule "CRON"] [--timeout
 * SECONDS] 'COMMAND LINE'}, {@code list}, {@code show ID}, {@code delete ID}, {@code run ID},
 * {@code activate ID}, {@code deactivate ID}. Usage errors are {@link QuerySyntaxException}s.
 */
public final class JobsCommand {
  private static final List<String> SUBCOMMANDS =
      List.of("'activate'", "'add'", "'deactivate'", "'delete'", "'help'", "'list'", "'run'", "'show'");

  /** The sub-commands, as {@code jobs} alone prints them. */
  public static final String USAGE =
      "jobs add --id ID [--wait-for-event EVENT] [--schedule \"CRON\"] [--timeout SECONDS] 'LINE'"
          + "\njobs list|show ID|delete ID|run ID|activate ID|deactivate ID";

  private final Jobs jobs;

  /**
   * The command over this registry.
   *
   * @param jobs the registry the sub-commands act on
   */
  public JobsCommand(Jobs jobs) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
  }

  /**
   * Runs {@code args} (the text after {@code jobs}) and returns what to print; no arguments give
   * the {@link #USAGE}.
   *
   * @param args the sub-command and its arguments
   * @return what to print
   * @throws QuerySyntaxException for a usage error
   * @throws JobException for an id that names no job (with the closest one), or a failed run
   */
  public String execute(String args) {
    Objects.requireNonNull(args, "args");
    String text = args.strip();
    if (text.isEmpty()) {
      return USAGE;
    }
    int space = text.indexOf(' ');
    String sub = space < 0 ? text : text.substring(0, space);
    String rest = space < 0 ? "" : text.substring(space + 1).strip();
    return switch (sub) {
      case "add" -> add(text, rest);
      case "list" -> {
        noArgument(text, rest);
        yield jobs.list().stream().map(Job::render).collect(Collectors.joining("\n---\n"));
      }
      case "show" -> jobs.show(id(text, rest)).map(Job::render).orElseGet(() -> noJob(rest));
      case "delete" -> jobs.delete(id(text, rest)) ? "Job " + rest + " deleted." : noJob(rest);
      case "activate" -> jobs.activate(id(text, rest)).map(Job::render).orElseGet(() -> noJob(rest));
      case "deactivate" -> jobs.deactivate(id(text, rest)).map(Job::render).orElseGet(() -> noJob(rest));
      case "run" -> jobs.run(id(text, rest)).map(JobsCommand::ran).orElseGet(() -> noJob(rest));
      case "help" -> USAGE;
      default -> throw usage(text, 0, sub.length(), "unknown jobs command '" + sub + "'"
          + Suggestions.didYouMean(sub, SUBCOMMANDS.stream().map(q -> q.substring(1, q.length() - 1)).toList()),
          SUBCOMMANDS);
    };
  }

  private static String ran(JobRun run) {
    if (!run.ok()) {
      throw new JobException("job " + run.jobId() + " (run " + run.runId() + ") failed: " + run.output());
    }
    return "Job " + run.jobId() + " started with id " + run.runId() + ".\n" + run.output();
  }

  private String noJob(String id) {
    List<String> ids = jobs.list().stream().map(Job::id).toList();
    throw new JobException("no job with the id '" + id + "'" + Suggestions.didYouMean(id, ids)
        + (ids.isEmpty() ? "; there are no jobs" : "; jobs: " + String.join(", ", ids)));
  }

  private String add(String text, String rest) {
    String id = null;
    Optional<String> event = Optional.empty();
    Optional<CronExpression> schedule = Optional.empty();
    Duration timeout = Job.DEFAULT_TIMEOUT;
    Cursor c = new Cursor(rest);
    while (c.peekOption()) {
      int at = c.pos;
      String option = c.word();
      if (!List.of("--id", "--wait-for-event", "--schedule", "--timeout").contains(option)) {
        throw usage(text, offset(text, rest) + at, option.length(), "unknown option '" + option + "'",
            List.of("'--id'", "'--schedule'", "'--timeout'", "'--wait-for-event'"));
      }
      int valueAt = c.pos;
      String value = c.word();
      if (value.isEmpty()) {
        throw usage(text, text.length(), 0, "option " + option + " needs a value", List.of("a value"));
      }
      switch (option) {
        case "--id" -> id = value;
        case "--wait-for-event" -> event = Optional.of(value);
        case "--schedule" -> {
          try {
            schedule = Optional.of(CronExpression.parse(value));
          } catch (CronException e) {
            throw usage(text, offset(text, rest) + valueAt, value.length(), e.getMessage(),
                List.of("a cron expression"));
          }
        }
        default -> {
          try {
            timeout = Duration.ofSeconds(Long.parseLong(value));
          } catch (NumberFormatException e) {
            throw usage(text, offset(text, rest) + valueAt, value.length(),
                "--timeout expects a number of seconds, got '" + value + "'", List.of("a number"));
          }
          if (timeout.isNegative() || timeout.isZero()) {
            throw usage(text, offset(text, rest) + valueAt, value.length(), "--timeout must be positive",
                List.of("a number"));
          }
        }
      }
    }
    String line = c.remainder();
    if (line.isEmpty()) {
      throw usage(text, text.length(), 0, "jobs add needs a command line", List.of("a command line"));
    }
    Job job = jobs.add(new Job(id == null ? Job.randomId() : id, line, event, schedule, timeout, true));
    return "Job " + job.id() + " added.";
  }

  private static int offset(String text, String rest) {
    return text.length() - rest.length();
  }

  private static String id(String text, String rest) {
    if (rest.isEmpty() || rest.contains(" ")) {
      throw usage(text, rest.isEmpty() ? text.length() : offset(text, rest), rest.length(),
          "expected one job id", List.of("a job id"));
    }
    return rest;
  }

  private static void noArgument(String text, String rest) {
    if (!rest.isEmpty()) {
      throw usage(text, offset(text, rest), rest.length(), "unexpected argument", List.of("end of input"));
    }
  }

  private static QuerySyntaxException usage(String text, int offset, int length, String reason, List<String> expected) {
    return new QuerySyntaxException(ErrorCode.UNEXPECTED_ARGUMENT, reason, text, offset, length, expected);
  }

  /** Reads words (single- or double-quoted ones unquoted) from the front of the arguments. */
  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean peekOption() {
      skipSpaces();
      return s.startsWith("--", pos);
    }

    String word() {
      skipSpaces();
      if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
        char quote = s.charAt(pos);
        int end = s.indexOf(quote, pos + 1);
        if (end < 0) {
          throw usage(s, pos, s.length() - pos, "unterminated quote", List.of(String.valueOf(quote)));
        }
        String w = s.substring(pos + 1, end);
        pos = end + 1;
        return w;
      }
      int start = pos;
      while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
      return s.substring(start, pos);
    }

    // The command line: one quoted argument loses its quotes; unquoted text is taken as it is.
    String remainder() {
      skipSpaces();
      String r = s.substring(pos).strip();
      if (r.length() >= 2 && (r.charAt(0) == '\'' || r.charAt(0) == '"')
          && r.charAt(r.length() - 1) == r.charAt(0) && r.indexOf(r.charAt(0), 1) == r.length() - 1) {
        return r.substring(1, r.length() - 1);
      }
      return r;
    }
  }
}
