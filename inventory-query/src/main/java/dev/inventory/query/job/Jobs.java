package dev.inventory.query.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inventory.AtomicFiles;
import dev.inventory.Suggestions;
import dev.inventory.query.command.Commands;
import dev.inventory.query.command.Placeholders;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.workflow.CronExpression;
import dev.inventory.workflow.WorkflowEvent;
import dev.inventory.workflow.WorkflowListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of {@link Job}s; also a {@link WorkflowListener} that runs, at each workflow event,
 * every active job waiting for it, to completion and in order of id, before the workflow goes on.
 *
 * <pre>{@code
 * Jobs jobs = Jobs.builder().commands(() -> commandsOnTheCurrentSnapshot()).file(Path.of("jobs.json")).build();
 * jobs.add(Job.onEvent("clean_outdated_access_keys", "post_collect",
 *     "search is(access_key) and last_access > 90days | clean"));
 * Workflows workflows = Workflows.builder().collector(collector).listener(jobs).build();
 * }</pre>
 *
 * <p>A command line is parsed when the job is added (after a trial placeholder replacement), so a
 * broken search fails at {@link #add} with a {@link dev.inventory.query.parse.QuerySyntaxException};
 * placeholders are replaced for real when the job runs. Each run happens on a worker thread and is
 * given up after the job's timeout; errors and timeouts are recorded as failed {@link JobRun}s and
 * never thrown to the workflow. Thread-safe.
 */
public final class Jobs implements WorkflowListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  // The keys of a job in the jobs file.
  private static final List<String> KEYS = List.of("id", "command", "wait_for_event", "schedule", "timeout", "active");

  private final Function<String, String> runner;
  private final Consumer<String> check;
  private final Clock clock;
  private final ZoneId zone;
  private final Optional<Path> file;
  private final int historySize;
  private final TreeMap<String, Job> jobs = new TreeMap<>();
  private final Deque<JobRun> runs = new ArrayDeque<>();
  // Daemon threads: a command that ignores the interrupt after its timeout must not keep the JVM alive.
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "inventory-job");
    t.setDaemon(true);
    return t;
  });

  private Jobs(Builder b) {
    this.runner = Objects.requireNonNull(b.runner, "runner");
    this.check = b.check;
    this.clock = b.clock;
    this.zone = b.zone;
    this.file = Optional.ofNullable(b.file);
    this.historySize = b.historySize;
    file.filter(Files::exists).ifPresent(this::load);
  }

  /** Starts a builder; {@link Builder#commands} or {@link Builder#runner} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a job after checking its command line.
   *
   * @throws dev.inventory.query.parse.QuerySyntaxException for a bad command line (nothing is added)
   * @throws JobException when a job with this id exists
   */
  public Job add(Job job) {
    Objects.requireNonNull(job, "job");
    check.accept(Placeholders.replace(job.commandLine(), clock.instant(), zone));
    synchronized (jobs) {
      if (jobs.containsKey(job.id())) {
        throw new JobException("a job with the id " + job.id() + " exists already");
      }
      jobs.put(job.id(), job);
      save();
    }
    return job;
  }

  /** Adds an active job with a random id and no trigger; see {@link #add(Job)}. */
  public Job add(String commandLine) {
    return add(Job.manual(Job.randomId(), commandLine));
  }

  /** All jobs, by id. */
  public List<Job> list() {
    synchronized (jobs) {
      return List.copyOf(jobs.values());
    }
  }

  /** The job with this id. */
  public Optional<Job> show(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  /** Deletes the job; false when there is none with this id. */
  public boolean delete(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (jobs) {
      boolean removed = jobs.remove(id) != null;
      if (removed) {
        save();
      }
      return removed;
    }
  }

  /** Lets events and the schedule start the job again; the job, or empty when there is none. */
  public Optional<Job> activate(String id) {
    return setActive(id, true);
  }

  /** Keeps events and the schedule from starting the job; {@link #run} still does. */
  public Optional<Job> deactivate(String id) {
    return setActive(id, false);
  }

  private Optional<Job> setActive(String id, boolean active) {
    Objects.requireNonNull(id, "id");
    synchronized (jobs) {
      Job job = jobs.get(id);
      if (job == null) {
        return Optional.empty();
      }
      Job changed = job.withActive(active);
      jobs.put(id, changed);
      save();
      return Optional.of(changed);
    }
  }

  /** Runs the job now, whether active or not, and waits for it; empty when there is no such job. */
  public Optional<JobRun> run(String id) {
    return show(id).map(job -> execute(job, "manual"));
  }

  /** The active jobs with a schedule, by id (the scheduler's work). */
  public List<Job> scheduled() {
    return list().stream().filter(j -> j.active() && j.schedule().isPresent()).toList();
  }

  /** Runs a job for its schedule (used by the {@link Scheduler}); never throws for the job's errors. */
  public JobRun runScheduled(Job job) {
    return execute(Objects.requireNonNull(job, "job"), "schedule");
  }

  /** The latest runs, oldest first (at most the history size of the builder). */
  public List<JobRun> runs() {
    synchronized (runs) {
      return List.copyOf(runs);
    }
  }

  /** The runs started by the events of one workflow run, i.e. with {@code trigger} = the event name. */
  public List<JobRun> runs(String trigger) {
    return runs().stream().filter(r -> r.trigger().equals(trigger)).toList();
  }

  /** Runs every active job waiting for this event, in order of id, to completion. */
  @Override
  public void onEvent(WorkflowEvent event) {
    for (Job job : list()) {
      if (job.active() && job.waitForEvent().filter(event.name()::equals).isPresent()) {
        execute(job, event.name());
      }
    }
  }

  private JobRun execute(Job job, String trigger) {
    Instant started = clock.instant();
    String line = Placeholders.replace(job.commandLine(), started, zone);
    Future<String> future = workers.submit(() -> runner.apply(line));
    boolean ok;
    String output;
    try {
      output = Objects.requireNonNullElse(future.get(job.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS), "");
      ok = true;
    } catch (TimeoutException e) {
      future.cancel(true);
      ok = false;
      output = "timed out after " + job.timeout().toSeconds() + " s and was stopped";
    } catch (ExecutionException e) {
      ok = false;
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      output = String.valueOf(cause.getMessage());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      ok = false;
      output = "interrupted";
    }
    JobRun run = new JobRun(UUID.randomUUID().toString(), job.id(), trigger, started, clock.instant(), ok, output);
    if (!ok) {
      LOG.warn("{}", run.summary());
    }
    synchronized (runs) {
      runs.addLast(run);
      while (runs.size() > historySize) {
        runs.removeFirst();
      }
    }
    return run;
  }

  /** Stops the worker threads; a job still running after its timeout is interrupted. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private void save() {
    if (file.isEmpty()) {
      return;
    }
    Path target = file.get();
    ArrayNode array = JSON.createArrayNode();
    for (Job job : jobs.values()) {
      ObjectNode o = array.addObject();
      o.put("id", job.id());
      o.put("command", job.commandLine());
      job.waitForEvent().ifPresent(e -> o.put("wait_for_event", e));
      job.schedule().ifPresent(s -> o.put("schedule", s.toString()));
      o.put("timeout", job.timeout().toSeconds());
      o.put("active", job.active());
    }
    try {
      if (target.toAbsolutePath().getParent() != null) {
        Files.createDirectories(target.toAbsolutePath().getParent());
      }
      // Replaced at once (temp file, fsync, rename): a crash leaves the old or the new file.
      AtomicFiles.write(target, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, array));
    } catch (IOException e) {
      throw new JobException("cannot write the jobs file " + target + ": " + e.getMessage(), e);
    }
  }

  private void load(Path path) {
    // Read token by token, so an error can name the line and column it is at.
    try (JsonParser p = JSON.createParser(path.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw problem(path, p, "expected a JSON array of jobs");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        JsonLocation jobAt = p.currentTokenLocation();
        ObjectNode o = JSON.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          if (!KEYS.contains(key)) {
            throw problem(path, p, "unknown key \"" + key + "\"" + Suggestions.didYouMean(key, KEYS)
                + "; a job has the keys " + String.join(", ", KEYS));
          }
          p.nextToken();
          JsonLocation valueAt = p.currentTokenLocation();
          JsonNode value = p.readValueAsTree();
          if (!(key.equals("timeout") ? value.canConvertToLong() : key.equals("active") ? value.isBoolean() : value.isTextual())) {
            throw problem(path, valueAt, "\"" + key + "\" expects "
                + (key.equals("timeout") ? "a number of seconds" : key.equals("active") ? "true or false" : "text"));
          }
          o.set(key, value);
        }
        for (String required : List.of("id", "command")) {
          if (!o.has(required)) {
            throw problem(path, jobAt, "a job without \"" + required + "\"");
          }
        }
        String id = o.get("id").asText();
        Optional<CronExpression> schedule;
        try {
          schedule = Optional.ofNullable(o.get("schedule")).map(JsonNode::asText).map(CronExpression::parse);
        } catch (IllegalArgumentException e) {
          throw problem(path, jobAt, "job " + id + ": " + e.getMessage());
        }
        jobs.put(id, new Job(id, o.get("command").asText(), Optional.ofNullable(o.get("wait_for_event")).map(JsonNode::asText),
            schedule, Duration.ofSeconds(o.path("timeout").asLong(Job.DEFAULT_TIMEOUT.toSeconds())),
            o.path("active").asBoolean(true)));
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw problem(path, p, "expected a job (a JSON object) or the end of the array");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new JobException(place(path, at) + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new JobException("cannot read the jobs file " + path + ": " + e.getMessage(), e);
    }
  }

  private static JobException problem(Path path, JsonParser p, String what) {
    return problem(path, p.currentTokenLocation(), what);
  }

  private static JobException problem(Path path, JsonLocation at, String what) {
    return new JobException(place(path, at) + ": " + what);
  }

  // file:line:column, as compilers say it.
  private static String place(Path path, JsonLocation at) {
    return at == null ? path.toString() : path + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  /**
   * Configures {@link Jobs}.
   *
   * <pre>{@code
   * Jobs.builder().commands(() -> commands).clock(clock).zone(ZoneId.of("Europe/Berlin")).file(path).build();
   * }</pre>
   */
  public static final class Builder {
    private Function<String, String> runner;
    private Consumer<String> check = QueryParser::parseCommandLine;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;
    private Path file;
    private int historySize = 100;

    private Builder() {}

    /**
     * Runs jobs with the {@link Commands} the supplier gives at the time of the run, so a job at
     * {@code post_collect} sees the snapshot just collected.
     */
    public Builder commands(Supplier<Commands> commands) {
      Objects.requireNonNull(commands, "commands");
      this.runner = line -> commands.get().execute(line).text();
      return this;
    }

    /** Runs jobs with this function (command line with placeholders replaced, to output text). */
    public Builder runner(Function<String, String> runner) {
      this.runner = Objects.requireNonNull(runner, "runner");
      return this;
    }

    /**
     * How a command line is checked when a job is added (after a trial placeholder replacement);
     * default: parsed as a search pipeline. A host whose runner also takes its own commands checks
     * those too.
     *
     * @param check throws for a command line the runner would refuse
     * @return this builder
     */
    public Builder check(Consumer<String> check) {
      this.check = Objects.requireNonNull(check, "check");
      return this;
    }

    /** The clock of runs and placeholders; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The zone of {@code @NOW@}, {@code @TODAY@}...; default UTC. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Keeps the jobs in this JSON file: read at build time when it exists, rewritten on every change. */
    public Builder file(Path file) {
      this.file = Objects.requireNonNull(file, "file");
      return this;
    }

    /** How many runs {@link Jobs#runs()} keeps; default 100. */
    public Builder historySize(int historySize) {
      if (historySize < 1) {
        throw new IllegalArgumentException("historySize must be at least 1, got " + historySize);
      }
      this.historySize = historySize;
      return this;
    }

    /**
     * The registry.
     *
     * @throws IllegalStateException without commands or a runner
     * @throws JobException when the jobs file cannot be read
     */
    public Jobs build() {
      if (runner == null) {
        throw new IllegalStateException("Jobs.builder() needs commands(...) or runner(...)");
      }
      return new Jobs(this);
    }
  }
}
