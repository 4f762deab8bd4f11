package dev.inventory.examples;

import dev.inventory.BaseKinds;
import dev.inventory.Inventory;
import dev.inventory.InventoryException;
import dev.inventory.Kind;
import dev.inventory.Suggestions;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.IamUserCleaner;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupRefusedException;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectProgress;
import dev.inventory.collect.CollectResult;
import dev.inventory.collect.FixtureCollector;
import dev.inventory.collect.SourceError;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.command.Commands;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.spi.Collector;
import dev.inventory.state.StateStore;
import dev.inventory.workflow.WorkflowEvent;
import dev.inventory.workflow.WorkflowListener;
import dev.inventory.workflow.Workflows;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inventory shell: runs text commands (Fix Inventory's search syntax and pipeline) against the
 * demo organisation, a fixture or AWS.
 *
 * <pre>
 * java -jar examples/target/inventory.jar [--fixture FILE] [--now INSTANT] [--state FILE]
 *                                         [--export FILE] [--config FILE] [--debug] [-c COMMAND]...
 * java -jar examples/target/inventory.jar --aws [--profile NAME] [--role-arn ARN [--external-id ID]]...
 *                                         [--endpoint-url URL] [--last-used per-key|credential-report|auto]
 *                                         [--requests-per-second N] [other options]
 * </pre>
 *
 * <ul>
 *   <li>without {@code --fixture}: the bundled demo organisation, built relative to the clock;
 *   <li>{@code --aws}: collects IAM users and access keys from AWS instead (progress on standard
 *       error); {@code cleanup run --no-dry-run} then calls IAM;
 *   <li>{@code --state FILE} keeps marks in a JSON state file, opened (and checked to be writable)
 *       before any command runs; marks carried by the fixture are added for nodes the file does not
 *       know; jobs are kept next to it in {@code FILE.jobs.json};
 *   <li>{@code --config FILE} reads the worker configuration; {@code config set worker KEY=VALUE}
 *       changes it; every cleanup ({@code cleanup run}, a workflow, a job, the scheduler) uses it;
 *   <li>{@code --export FILE} writes the inventory and its marks as an NDJSON fixture after the
 *       commands ran;
 *   <li>each {@code -c} runs one command line in order; without {@code -c} the shell reads command
 *       lines from standard input (with line editing, history and completion at a terminal), and
 *       runs scheduled jobs while it reads.
 * </ul>
 *
 * Exit codes: 0 on success, 2 on a syntax or usage error or a refused cleanup, 1 on any other
 * error. With {@code -c} or piped input the shell stops at the first error; at a terminal it
 * reports the error and goes on.
 */
public final class Shell {
  private static final List<String> LEAVE = List.of("quit", "exit");

  // Replaced after every workflow run, so searches see the snapshot the workflow collected.
  private volatile Commands commands;
  private volatile Inventory inventory;
  private final StateStore state;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean debug;
  private final AtomicReference<CleanupConfig> config;
  private final Workflows workflows;
  private final ShellJobs jobs;
  private final List<ShellCommand> own;
  // Set when the shell works on AWS: its cleaners call IAM; closed when the shell ends.
  private final AwsSession aws;

  private Shell(Inventory inventory, Collector collector, AwsSession aws, StateStore state, Clock clock,
      CleanupConfig config, Path jobsFile, PrintStream out, PrintStream err, boolean debug) {
    this.inventory = inventory;
    this.aws = aws;
    this.state = state;
    this.clock = clock;
    this.out = out;
    this.err = err;
    this.debug = debug;
    this.config = new AtomicReference<>(config);
    this.commands = commandsFor(inventory);
    // A job at post_collect must search the snapshot just collected, before the shell swaps its commands.
    this.jobs = new ShellJobs(jobsFile, clock, this::runForJob, this::checkForJob);
    Workflows.Builder workflowsBuilder = Workflows.builder()
        .collector(collector)
        .state(state)
        .snapshot(inventory)
        .cleanupConfig(this.config::get)
        .executor(this::executor)
        .clock(clock)
        .listener(jobs.jobs());
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
    jobs.scheduleWith(workflows);
    this.own = List.of(
        new KindsCommand(() -> this.inventory),
        new CleanupCommand(() -> this.inventory, state, this.config::get, this::executor),
        new JobsShellCommand(jobs),
        new WorkflowCommand(workflows, jobs.jobs(), this::takeSnapshot),
        new ConfigCommand(this.config),
        new HelpCommand());
  }

  private void takeSnapshot() {
    workflows.current().ifPresent(snapshot -> {
      inventory = snapshot;
      commands = commandsFor(snapshot);
    });
  }

  private Commands commandsFor(Inventory snapshot) {
    return Commands.builder().inventory(snapshot).state(state).clock(clock).build();
  }

  /**
   * Starts the shell and exits with its exit code.
   *
   * @param args the command line options; {@code --help} lists them
   */
  public static void main(String[] args) {
    boolean terminal = System.console() != null;
    System.exit(run(args, System.in, System.out, System.err, terminal));
  }

  /** Runs the shell; returns the process exit code. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    ShellOptions options;
    try {
      options = ShellOptions.parse(args);
    } catch (ShellOptions.UsageException e) {
      err.println("inventory: " + e.getMessage());
      err.println(ShellOptions.USAGE);
      return 2;
    }
    if (options.help) {
      out.println(ShellOptions.USAGE);
      out.println();
      out.println(helpText());
      return 0;
    }
    if (options.version) {
      out.println("inventory " + version());
      return 0;
    }
    if (options.debug) {
      ShellLogging.debug();
    }
    Shell shell;
    try {
      shell = open(options, out, err);
    } catch (InventoryException e) {
      err.println("inventory: " + Messages.of(e));
      if (options.debug) {
        e.printStackTrace(err);
      }
      return 1;
    }
    int code = 0;
    try {
      if (!options.commands.isEmpty()) {
        for (String line : options.commands) {
          code = shell.execute(line);
          if (code != 0) {
            break;
          }
        }
      } else {
        code = shell.readLoop(in, terminal);
      }
      if (options.export != null) {
        // After the commands, so the file holds what this run marked and collected.
        int exported = shell.export(options.export);
        code = code != 0 ? code : exported;
      }
      return code;
    } finally {
      shell.close();
    }
  }

  private static String version() {
    String v = Shell.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  private int export(Path file) {
    try {
      FixtureFormat.write(inventory, state.all(), file);
      return 0;
    } catch (InventoryException e) {
      return report(e);
    }
  }

  private void close() {
    jobs.close();
    if (aws != null) {
      aws.close();
    }
  }

  private static Shell open(ShellOptions options, PrintStream out, PrintStream err) {
    Clock clock = options.now == null ? Clock.systemUTC() : Clock.fixed(options.now, ZoneOffset.UTC);
    // The state file first: a state file the shell cannot write stops it before anything is read or collected.
    StateStore state = options.state == null ? StateStore.inMemory() : StateStore.jsonFile(options.state);
    CleanupConfig config = options.config == null ? CleanupConfig.defaults() : CleanupConfig.load(options.config);
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
    } else if (options.fixture == null) {
      fixture = Fixture.of(DemoOrganisation.build(clock));
      collector = FixtureCollector.of("demo", () -> DemoOrganisation.build(clock));
    } else {
      fixture = FixtureFormat.read(options.fixture);
      collector = FixtureCollector.ofFile(options.fixture);
    }
    // Marks the fixture carries are added for the nodes the state does not know yet.
    fixture.loadStateInto(state);
    Path jobsFile = options.state == null ? null : ShellJobs.fileNextTo(options.state);
    return new Shell(fixture.inventory(), collector, aws, state, clock, config, jobsFile, out, err, options.debug);
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

  /** Reads and runs lines until end of input (scheduled jobs run meanwhile); at a terminal errors do not stop the loop. */
  private int readLoop(InputStream in, boolean terminal) {
    LineInput input = !terminal ? LineInput.plain(in, out)
        : in == System.in ? TerminalInput.open(out, TerminalInput.completions(commandNames(), inventory.kinds()))
        : LineInput.prompting(in, out);
    jobs.start(input::printAbove);
    try (input) {
      if (terminal) {
        out.println("Inventory shell on " + inventory.size() + " resources. Type help for the commands, quit to leave.");
      }
      int lastError = 0;
      while (true) {
        String line = input.readLine("> ");
        if (line == null || LEAVE.contains(line.strip())) {
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
    } catch (LineInput.InputException e) {
      err.println("inventory: cannot read standard input: " + Messages.of(e));
      return 1;
    } finally {
      jobs.stop();
    }
  }

  /** Runs one command line; prints its output or its error; returns the exit code for it. */
  int execute(String line) {
    try {
      out.println(dispatch(line));
      return 0;
    } catch (WorkflowCommand.FailedRun e) {
      out.println(e.getMessage());
      return 1;
    } catch (InventoryException e) {
      return report(e);
    }
  }

  // Prints an error for people (a stack trace only with --debug); its exit code.
  private int report(InventoryException e) {
    if (e instanceof QuerySyntaxException q) {
      err.println(Messages.syntax(q));
    } else if (e instanceof CleanupRefusedException) {
      String m = Messages.of(e);
      err.println(m.startsWith("cleanup refused") ? m : "cleanup refused: " + m);
    } else {
      err.println("error: " + Messages.of(e));
    }
    if (debug) {
      e.printStackTrace(err);
    }
    return e instanceof QuerySyntaxException || e instanceof CleanupRefusedException ? 2 : 1;
  }

  /** What a line prints; a shell command, or a search pipeline. */
  private String dispatch(String line) {
    String trimmed = line.strip();
    for (ShellCommand c : own) {
      if (c.accepts(trimmed)) {
        return c.run(trimmed);
      }
    }
    if (trimmed.equals("search") || trimmed.startsWith("search ") || trimmed.startsWith("search\t")) {
      return commands.execute(line).text();
    }
    throw unknownCommand(trimmed);
  }

  private QuerySyntaxException unknownCommand(String line) {
    int end = 0;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    String word = line.substring(0, end);
    List<String> names = commandNames();
    String hint = Suggestions.didYouMean(word, names);
    return new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, "unknown command '" + word + "'"
        + (hint.isEmpty() ? "" : hint) + "; the commands are: " + String.join(", ", names)
        + " (help describes them)", line, 0, word.length(), names.stream().map(n -> "'" + n + "'").toList());
  }

  /** Every command a line may start with, sorted. */
  List<String> commandNames() {
    TreeSet<String> names = new TreeSet<>(LEAVE);
    names.add("search");
    own.forEach(c -> names.add(c.names().get(0)));
    return List.copyOf(names);
  }

  // The command lines of a job: the shell's own commands (cleanup run ...) and searches.
  private String runForJob(String line) {
    try {
      return dispatch(line);
    } catch (CleanupRefusedException e) {
      String m = Messages.of(e);
      throw new CleanupRefusedException(m.startsWith("cleanup refused") ? m : "cleanup refused: " + m);
    }
  }

  // A job's command line is checked when it is added: a shell command by its name, a search by the parser.
  private void checkForJob(String line) {
    String trimmed = line.strip();
    if (own.stream().anyMatch(c -> c.accepts(trimmed))) {
      return;
    }
    if (!trimmed.startsWith("search")) {
      throw unknownCommand(trimmed);
    }
    QueryParser.parseCommandLine(trimmed);
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

  /** Every command once: the search pipeline's, then the shell's own. */
  static String helpText() {
    List<String> lines = new ArrayList<>();
    for (String l : Commands.help().split("\n")) {
      // The shell lists its own help below, with the other shell commands.
      if (!l.startsWith("help ")) {
        lines.add(l);
      }
    }
    lines.add(CleanupCommand.HELP);
    lines.add(JobsShellCommand.HELP);
    lines.add(WorkflowCommand.HELP);
    lines.add(ConfigCommand.HELP);
    lines.add(KindsCommand.HELP);
    lines.add("help                        this list");
    lines.add("quit                        leave the shell (also exit, or end of input)");
    return String.join("\n", lines);
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
}
