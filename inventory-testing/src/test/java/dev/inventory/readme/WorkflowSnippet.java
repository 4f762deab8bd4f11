package dev.inventory.readme;

import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.collect.FixtureCollector;
import dev.inventory.query.command.Commands;
import dev.inventory.query.job.Job;
import dev.inventory.query.job.Jobs;
import dev.inventory.query.job.Scheduler;
import dev.inventory.spi.Collector;
import dev.inventory.state.StateStore;
import dev.inventory.workflow.Workflows;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The README's "running it in your application" (compiled only: it starts a scheduler). */
final class WorkflowSnippet {
  private WorkflowSnippet() {}

  static Scheduler run() {
    // snippet
    Collector myCollector = FixtureCollector.ofFile(Path.of("org.ndjson"));   // or IamCollector, or your own
    StateStore state = StateStore.jsonFile(Path.of("state.json"));
    AtomicReference<Workflows> workflows = new AtomicReference<>();
    Jobs jobs = Jobs.builder()
        .file(Path.of("jobs.json"))   // jobs survive a restart
        // a job at post_collect searches the snapshot just collected
        .commands(() -> Commands.builder().inventory(workflows.get().current().orElseThrow()).state(state).build())
        .build();
    workflows.set(Workflows.builder()
        .collector(myCollector)
        .state(state)
        .cleanupConfig(CleanupConfig.load(Path.of("worker.yaml")))
        .listener(jobs)
        .build());
    if (jobs.show("clean_outdated_access_keys").isEmpty()) {
      jobs.add(Job.onEvent("clean_outdated_access_keys", "post_collect",
          "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci] | clean"));
    }
    Scheduler scheduler = Scheduler.builder(workflows.get()).jobs(jobs).zone(ZoneId.of("Europe/Berlin")).build();
    scheduler.start();                 // collect_and_cleanup hourly (0 * * * *)
    Runtime.getRuntime().addShutdownHook(new Thread(scheduler::stop));   // stop() waits for a running workflow
    // end snippet
    return scheduler;
  }
}
