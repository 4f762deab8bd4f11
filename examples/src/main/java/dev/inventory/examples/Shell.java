package dev.inventory.examples;

import dev.inventory.BaseKinds;
import dev.inventory.Inventory;
import dev.inventory.InventoryException;
import dev.inventory.Kind;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.IamUserCleaner;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectProgress;
import dev.inventory.collect.CollectResult;
import dev.inventory.collect.SourceError;
import dev.inventory.spi.Collector;
import dev.inventory.workflow.WorkflowEvent;
import dev.inventory.workflow.WorkflowListener;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.collect.FixtureCollector;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.job.JobRun;
import dev.inventory.query.job.Jobs;
import dev.inventory.query.job.JobsCommand;
import dev.inventory.query.command.Commands;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.state.StateStore;
import dev.inventory.workflow.WorkflowResult;
import dev.inventory.workflow.Workflows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inventory shell: runs text commands (Fix Inventory's search syntax and pipeline) against the
 * demo organisation or a fixture.
 *
 * <pre>
 * java -jar examples/target/inventory.jar [--fixture FILE] [--now INSTANT] [--state FILE]
 *                                         [--export FILE] [--config FILE] [-c COMMAND]...
 * java -jar examples/target/inventory.jar --aws [--profile NAME] [--role-arn ARN [--external-id ID]]...
 *                                         [--endpoint-url URL] [--last-used per-key|credential-report|auto]
 *                                         [--requests-per-second N] [other options]
 * </pre>
 *
 * <ul>
 *   <li>without {@code --fixture}: the bundled demo organisation, built relative to the clock;
 *   <li>{@code --aws}: collects IAM users and access keys from AWS instead (progress on standard
 *       error), with the default credentials, {@code --profile NAME}, or one account per {@code
 *       --role-arn ARN} (assumed with the profile's or the default credentials; {@code --external-id
 *       ID} belongs to the role ARN before it); {@code --endpoint-url} sends IAM and STS calls to a
 *       compatible endpoint; {@code cleanup run --no-dry-run} then calls IAM;
 *   <li>{@code --now 2026-05-01T00:00:00Z} fixes the clock; {@code --state FILE} keeps marks in a
 *       JSON state file (it wins over marks carried by the fixture);
 *   <li>{@code --config FILE} reads the worker configuration ({@code cleanup}, {@code
 *       cleanup_dry_run} ...) from a YAML or JSON file; {@code config set worker KEY=VALUE} changes it;
 *   <li>{@code workflow run collect_and_cleanup} re-collects the snapshot (the demo organisation or
 *       the fixture file), runs the jobs waiting for each step ({@code jobs add ...}) and cleans up
 *       with state-only cleaners when {@code cleanup} is true;
 *   <li>{@code --export FILE} writes the loaded inventory and its marks as an NDJSON fixture;
 *   <li>each {@code -c} runs one command line in order and prints its output; without {@code -c} the
 *       shell reads command lines from standard input (with a prompt when it is a terminal) until
 *       end of input or {@code quit}.
 * </ul>
 *
 * Exit codes: 0 on success, 2 on a syntax or usage error (rendered on standard error), 1 on any
 * other error. With {@code -c} or piped input the shell stops at the first error; at a terminal it
 * reports the error and goes on.
 */
public final class Shell {
  static final String USAGE =
      "usage: inventory [--fixture FILE | --aws [--profile NAME] [--role-arn ARN [--external-id ID]]... [--endpoint-url URL]\n"
      + "                  [--last-used per-key|credential-report|auto] [--requests-per-second N]]\n"
      + "                 [--now INSTANT] [--state FILE] [--export FILE] [--config FILE] [-c COMMAND]...";

  // Replaced after every workflow run, so searches see the snapshot the workflow collected.
  private volatile Commands commands;
  private volatile Inventory inventory;
  private final StateStore state;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final AtomicReference<CleanupConfig> config;
  private final Workflows workflows;
  private final Jobs jobs;
  private final JobsCommand jobsCommand;
  // Set when the shell works on AWS: its cleaners call IAM; closed when the shell ends.
  private final AwsSession aws;

  private Shell(Inventory inventory, Collector collector, AwsSession aws, StateStore state, Clock clock,
      CleanupConfig config, PrintStream out, PrintStream err) {
    this.inventory = inventory;
    this.aws = aws;
    this.state = state;
    this.clock = clock;
    this.out = out;
    this.err = err;
    this.config = new AtomicReference<>(config);
    this.commands = commandsFor(inventory);
    // A job at post_collect must search the snapshot just collected, before the shell swaps its commands.
    this.jobs = Jobs.builder().clock(clock)
        .commands(this::jobCommands).build();
    this.jobsCommand = new JobsCommand(jobs);
    Workflows.Builder workflowsBuilder = Workflows.builder()
        .collector(collector)
        .state(state)
        .snapshot(inventory)
        .cleanupConfig(this.config::get)
        .executor(this::executor)
        .clock(clock)
        .listener(jobs);
    if (aws != null) {
      // A collect from AWS takes a while: show its progress, as the first collect did.
      workflowsBuilder.listener(new WorkflowListener() {
        @Override
        public void onEvent(WorkflowEvent event) {
          // the steps are shown by the workflow's result
        }

        @Override
        public void onCollectProgress(CollectProgress progress) {
          showProgress(err, progress);
        }
      });
    }
    this.workflows = workflowsBuilder.build();
  }

  private Commands jobCommands() {
    return workflows.current().map(this::commandsFor).orElse(commands);
  }

  private Commands commandsFor(Inventory snapshot) {
    return Commands.builder().inventory(snapshot).state(state).clock(clock).build();
  }

  public static void main(String[] args) {
    boolean terminal = System.console() != null;
    System.exit(run(args, System.in, System.out, System.err, terminal));
  }

  /** Runs the shell; returns the process exit code. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("inventory: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      out.println();
      out.println(help());
      return 0;
    }
    Shell shell;
    try {
      shell = open(options, out, err);
    } catch (InventoryException e) {
      err.println("inventory: " + e.getMessage());
      return 1;
    }
    try {
      if (!options.commands.isEmpty()) {
        for (String line : options.commands) {
          int code = shell.execute(line);
          if (code != 0) {
            return code;
          }
        }
        return 0;
      }
      return shell.repl(in, terminal);
    } finally {
      if (shell.aws != null) {
        shell.aws.close();
      }
    }
  }

  private static Shell open(Options options, PrintStream out, PrintStream err) {
    Clock clock = options.now == null ? Clock.systemUTC() : Clock.fixed(options.now, ZoneOffset.UTC);
    AwsSession aws = null;
    Collector collector;
    Fixture fixture;
    if (options.aws) {
      aws = options.awsSession();
      try {
        collector = IamCollector.builder(aws).lastUsed(options.lastUsed).build();
        fixture = Fixture.of(collectFromAws(collector, clock, err));
      } catch (RuntimeException e) {
        aws.close();
        throw e;
      }
    } else {
      fixture = options.fixture == null
          ? Fixture.of(DemoOrganisation.build(clock))
          : FixtureFormat.read(options.fixture);
      collector = options.fixture == null
          ? FixtureCollector.of("demo", () -> DemoOrganisation.build(clock))
          : FixtureCollector.ofFile(options.fixture);
    }
    StateStore state;
    if (options.state != null) {
      state = StateStore.jsonFile(options.state);
    } else {
      state = StateStore.inMemory();
      fixture.loadStateInto(state);
    }
    if (options.export != null) {
      FixtureFormat.write(fixture.inventory(), state.all(), options.export);
    }
    CleanupConfig config = options.config == null ? CleanupConfig.defaults() : CleanupConfig.load(options.config);
    return new Shell(fixture.inventory(), collector, aws, state, clock, config, out, err);
  }

  /**
   * The first collect from AWS, with progress and per-account errors on standard error. Accounts
   * that failed are left out; when none could be collected the shell does not start.
   */
  private static Inventory collectFromAws(Collector collector, Clock clock, PrintStream err) {
    CollectResult result = collector.collect(CollectContext.of(clock, p -> showProgress(err, p)));
    for (SourceError e : result.errors()) {
      err.println("inventory: collect error: " + e);
    }
    if (result.inventory().ofKind("account").isEmpty()) {
      throw new InventoryException("no AWS account could be collected"
          + (result.errors().isEmpty() ? "" : " (" + result.errors().size() + " errors above)"));
    }
    return result.inventory();
  }

  private static void showProgress(PrintStream err, CollectProgress p) {
    err.println("collect " + p.source() + ": " + p.message() + (p.counted() ? " " + p.done() + "/" + p.total() : ""));
  }

  /** Reads and runs lines until end of input; at a terminal errors do not stop the loop. */
  private int repl(InputStream in, boolean terminal) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    if (terminal) {
      out.println("Inventory shell on " + inventory.size() + " resources. Type help for the commands, quit to leave.");
    }
    int lastError = 0;
    try {
      while (true) {
        if (terminal) {
          out.print("> ");
          out.flush();
        }
        String line = reader.readLine();
        if (line == null || line.strip().equals("quit") || line.strip().equals("exit")) {
          return terminal ? 0 : lastError;
        }
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        int code = execute(line);
        if (code != 0) {
          if (!terminal) {
            return code;
          }
          lastError = code;
        }
      }
    } catch (IOException e) {
      err.println("inventory: cannot read standard input: " + e.getMessage());
      return 1;
    }
  }

  /** Runs one command line; prints its output or its error; returns the exit code for it. */
  int execute(String line) {
    String trimmed = line.strip();
    try {
      if (trimmed.equals("help")) {
        out.println(help());
      } else if (trimmed.equals("kinds")) {
        out.println(kinds(inventory));
      } else if (trimmed.equals("cleanup") || trimmed.startsWith("cleanup ")) {
        out.println(cleanup(trimmed));
      } else if (isCommand(trimmed, "jobs") || isCommand(trimmed, "job")) {
        out.println(jobsCommand.execute(trimmed.indexOf(' ') < 0 ? "" : trimmed.substring(trimmed.indexOf(' ') + 1)));
      } else if (isCommand(trimmed, "workflow") || isCommand(trimmed, "workflows")) {
        out.println(workflow(trimmed));
      } else if (isCommand(trimmed, "config") || isCommand(trimmed, "configs")) {
        out.println(config(trimmed));
      } else {
        out.println(commands.execute(line).text());
      }
      return 0;
    } catch (QuerySyntaxException e) {
      err.println(e.getMessage());
      return 2;
    } catch (InventoryException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static boolean isCommand(String line, String name) {
    return line.equals(name) || line.startsWith(name + " ");
  }

  /** {@code workflow list}, {@code workflow run ID}, {@code workflow history ID}. */
  private String workflow(String line) {
    String[] words = line.split("\\s+");
    if (words.length == 2 && words[1].equals("list")) {
      return String.join("\n", workflows.workflowNames());
    }
    if (words.length == 3 && words[1].equals("run")) {
      requireWorkflow(line, words[2]);
      List<JobRun> before = jobs.runs();
      WorkflowResult result = workflows.run(words[2]);
      workflows.current().ifPresent(snapshot -> {
        inventory = snapshot;
        commands = commandsFor(snapshot);
      });
      StringBuilder b = new StringBuilder("Workflow " + words[2] + " started with id " + result.runId() + ".\n");
      b.append(result.render());
      List<JobRun> ran = jobs.runs().stream().filter(r -> !before.contains(r)).toList();
      if (!ran.isEmpty()) {
        b.append("jobs:\n");
        ran.forEach(r -> b.append("  ").append(r.summary()).append('\n'));
      }
      result.cleanupReport().ifPresent(report -> b.append(report.render()));
      return b.toString().stripTrailing();
    }
    if (words.length == 3 && words[1].equals("history")) {
      requireWorkflow(line, words[2]);
      List<WorkflowResult> runs = workflows.history(words[2]);
      if (runs.isEmpty()) {
        return "No runs of workflow " + words[2] + ".";
      }
      StringBuilder b = new StringBuilder();
      for (WorkflowResult r : runs) {
        b.append(r.runId()).append(' ').append(r.started()).append(" .. ").append(r.ended()).append(' ')
            .append(r.ok() ? "ok" : "with errors").append('\n');
      }
      return b.toString().stripTrailing();
    }
    throw usage(line, "expected 'workflow list', 'workflow run ID' or 'workflow history ID'",
        List.of("'history'", "'list'", "'run'"));
  }

  private void requireWorkflow(String line, String id) {
    if (!workflows.workflowNames().contains(id)) {
      throw usage(line, "unknown workflow '" + id + "'; known workflows: " + String.join(", ", workflows.workflowNames()),
          workflows.workflowNames());
    }
  }

  /** {@code config show} and {@code config set worker KEY=VALUE[, KEY=VALUE]...}. */
  private String config(String line) {
    String[] words = line.split("\\s+", 4);
    if (words.length == 2 && words[1].equals("show")) {
      CleanupConfig c = config.get();
      return CleanupConfig.SECTION + ":\n  " + c.toString().replace(", ", "\n  ").replace("=", ": ");
    }
    if (words.length == 4 && words[1].equals("set") && words[2].equals(CleanupConfig.SECTION)) {
      CleanupConfig changed = config.get();
      for (String pair : words[3].split(",")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw usage(line, "expected KEY=VALUE, got '" + pair.strip() + "'", List.of("KEY=VALUE"));
        }
        String key = pair.substring(0, eq).strip();
        // Fix Inventory's keys are prefixed with the section (fixworker.cleanup); both spellings work.
        key = key.startsWith("fixworker.") ? key.substring("fixworker.".length()) : key;
        changed = changed.with(key, pair.substring(eq + 1).strip());
      }
      config.set(changed);
      return "Configuration " + CleanupConfig.SECTION + " updated: " + changed;
    }
    throw usage(line, "expected 'config show' or 'config set worker KEY=VALUE'", List.of("'set'", "'show'"));
  }

  private static QuerySyntaxException usage(String line, String reason, List<String> expected) {
    int at = line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ') + 1;
    return new QuerySyntaxException(ErrorCode.UNEXPECTED_ARGUMENT, reason, line, at,
        Math.max(0, line.length() - at), expected);
  }

  /**
   * {@code cleanup plan} prints the plan; {@code cleanup run [--dry-run|--no-dry-run]} runs it. The
   * shell works on fixtures, so its cleaners act on the state only (and the report says so); the
   * marking query of every node is re-checked with {@link QuerySelectionCheck}.
   */
  private String cleanup(String line) {
    String[] words = line.split("\\s+");
    boolean dryRun = true;
    if (words.length >= 2 && words[1].equals("plan") && words.length == 2) {
      return executor(CleanupConfig.defaults()).plan(inventory, state).render();
    }
    if (words.length < 2 || !words[1].equals("run") || words.length > 3) {
      throw cleanupUsage(line);
    }
    if (words.length == 3) {
      switch (words[2]) {
        case "--dry-run" -> dryRun = true;
        case "--no-dry-run" -> dryRun = false;
        default -> throw cleanupUsage(line);
      }
    }
    CleanupConfig config = CleanupConfig.builder().cleanup(!dryRun).dryRun(dryRun).build();
    return executor(config).run(inventory, state).render();
  }

  private CleanupExecutor executor(CleanupConfig config) {
    CleanupExecutor.Builder b = CleanupExecutor.builder()
        .config(config)
        .clock(clock)
        .selectionCheck(new QuerySelectionCheck())
        .withoutDiscovery();
    if (aws != null) {
      b.cleaner(new IamAccessKeyCleaner(aws)).cleaner(new IamUserCleaner(aws));
    } else {
      b.cleaner(StateOnlyCleaner.forKind(BaseKinds.RESOURCE));
    }
    return b.build();
  }

  private static QuerySyntaxException cleanupUsage(String line) {
    int at = line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ') + 1;
    return new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
        "expected 'cleanup plan' or 'cleanup run [--dry-run|--no-dry-run]'", line, at,
        Math.max(0, line.length() - at), List.of("'plan'", "'run'"));
  }

  static String help() {
    return Commands.help()
        + "\ncleanup plan                print what a cleanup would act on, pass by pass"
        + "\ncleanup run [--no-dry-run]  run the cleanup (dry run unless --no-dry-run; on fixtures: state only, with --aws: IAM)"
        + "\njobs add --id ID [--wait-for-event EVENT] [--schedule \"CRON\"] [--timeout SECONDS] 'LINE'"
        + "\njobs list|show ID|delete ID|run ID|activate ID|deactivate ID"
        + "\nworkflow list|run ID|history ID  e.g. workflow run collect_and_cleanup"
        + "\nconfig show                 the worker configuration"
        + "\nconfig set worker KEY=VALUE e.g. config set worker cleanup=true"
        + "\nkinds                       the number of resources per kind and per base kind"
        + "\nhelp                        this list"
        + "\nquit                        leave the shell";
  }

  /** Resources per kind, then per base kind. */
  static String kinds(Inventory inventory) {
    Map<String, Integer> exact = new TreeMap<>();
    inventory.nodes().forEach(r -> exact.merge(r.kind(), 1, Integer::sum));
    StringBuilder b = new StringBuilder("by kind:");
    exact.forEach((kind, n) -> b.append(String.format("%n  %-22s %7d", kind, n)));
    b.append(String.format("%nby base kind:"));
    for (Kind k : BaseKinds.all()) {
      if (!k.name().equals(BaseKinds.RESOURCE)) {
        b.append(String.format("%n  %-22s %7d", k.name(), inventory.ofKind(k.name()).size()));
      }
    }
    b.append(String.format("%ntotal: %d resources, %d edges", inventory.size(), inventory.edgeCount()));
    return b.toString();
  }

  /** A bad command line option. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** The parsed command line options. */
  static final class Options {
    Path fixture;
    Path state;
    Path export;
    Path config;
    Instant now;
    boolean help;
    boolean aws;
    String profile;
    URI endpoint;
    LastUsedMode lastUsed = LastUsedMode.AUTO;
    Double requestsPerSecond;
    final List<String> roleArns = new ArrayList<>();
    // External id per role ARN, by position; null when none was given.
    final List<String> externalIds = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    private final List<String> awsOnly = new ArrayList<>();

    /** One access per role ARN (on the profile's or the default credentials), else the base credentials alone. */
    AwsSession awsSession() {
      AwsAccess base = profile == null ? AwsAccess.defaultCredentials() : AwsAccess.profile(profile);
      AwsSession.Builder b = AwsSession.builder();
      if (roleArns.isEmpty()) {
        b.access(base);
      }
      for (int i = 0; i < roleArns.size(); i++) {
        b.access(base.assumeRole(roleArns.get(i), externalIds.get(i)));
      }
      if (endpoint != null) {
        b.endpointOverride(endpoint);
      }
      if (requestsPerSecond != null) {
        b.requestsPerSecond(requestsPerSecond);
      }
      return b.build();
    }

    static Options parse(String[] args) throws UsageException {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          o.help = true;
          continue;
        }
        if (a.equals("--aws")) {
          o.aws = true;
          continue;
        }
        if (!List.of("--fixture", "--now", "--state", "--export", "--config", "-c", "--profile", "--role-arn",
            "--external-id", "--endpoint-url", "--last-used", "--requests-per-second").contains(a)) {
          throw new UsageException("unknown option '" + a + "'");
        }
        if (i + 1 >= args.length) {
          throw new UsageException("option " + a + " needs a value");
        }
        String value = args[++i];
        switch (a) {
          case "--fixture" -> o.fixture = Path.of(value);
          case "--state" -> o.state = Path.of(value);
          case "--export" -> o.export = Path.of(value);
          case "--config" -> o.config = Path.of(value);
          case "-c" -> o.commands.add(value);
          case "--profile" -> o.profile = o.awsOption(a, value);
          case "--role-arn" -> {
            o.awsOption(a, value);
            if (!value.matches("arn:aws[\\w-]*:iam::\\d{12}:role/.+")) {
              throw new UsageException(
                  "--role-arn expects a role ARN such as arn:aws:iam::111111111111:role/inventory, got '" + value + "'");
            }
            o.roleArns.add(value);
            o.externalIds.add(null);
          }
          case "--external-id" -> {
            o.awsOption(a, value);
            if (o.roleArns.isEmpty()) {
              throw new UsageException("--external-id belongs to a role: give --role-arn ARN before it");
            }
            if (o.externalIds.get(o.externalIds.size() - 1) != null) {
              throw new UsageException("--external-id given twice for " + o.roleArns.get(o.roleArns.size() - 1));
            }
            o.externalIds.set(o.externalIds.size() - 1, value);
          }
          case "--endpoint-url" -> {
            o.awsOption(a, value);
            try {
              URI uri = new URI(value);
              if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
              }
              o.endpoint = uri;
            } catch (URISyntaxException e) {
              throw new UsageException("--endpoint-url expects an http(s) URL such as http://127.0.0.1:4566, got '" + value + "'");
            }
          }
          case "--last-used" -> {
            o.awsOption(a, value);
            try {
              o.lastUsed = LastUsedMode.parse(value);
            } catch (IllegalArgumentException e) {
              throw new UsageException("--last-used: " + e.getMessage());
            }
          }
          case "--requests-per-second" -> {
            o.awsOption(a, value);
            try {
              o.requestsPerSecond = Double.valueOf(value);
            } catch (NumberFormatException e) {
              o.requestsPerSecond = null;
            }
            if (o.requestsPerSecond == null || o.requestsPerSecond.isNaN() || o.requestsPerSecond < 0) {
              throw new UsageException("--requests-per-second expects a number >= 0 (0 = no limit), got '" + value + "'");
            }
          }
          default -> {
            try {
              o.now = Instant.parse(value);
            } catch (DateTimeParseException e) {
              throw new UsageException(
                  "--now expects an ISO-8601 instant such as 2026-05-01T00:00:00Z, got '" + value + "'");
            }
          }
        }
      }
      if (!o.aws && !o.awsOnly.isEmpty()) {
        throw new UsageException(o.awsOnly.get(0) + " needs --aws");
      }
      if (o.aws && o.fixture != null) {
        throw new UsageException("--aws and --fixture exclude each other: collect from AWS or load a fixture");
      }
      return o;
    }

    private String awsOption(String option, String value) {
      awsOnly.add(option);
      return value;
    }
  }
}
