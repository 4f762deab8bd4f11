package dev.inventory.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes writing one state file lose no update: the sidecar file lock works across JVMs. */
class JsonFileStateStoreProcessTest {
  @TempDir
  Path dir;

  @Test
  void should_lose_no_update_when_two_processes_write_one_file() throws Exception {
    // GIVEN
    Path file = dir.resolve("state.json");
    int n = 60;
    List<Process> children = new ArrayList<>();
    for (String name : List.of("child-1", "child-2")) {
      children.add(startWriter(file, n, name));
    }
    StateStore parent = StateStore.jsonFile(file);
    // WHEN: this JVM writes too, while the children run
    for (int i = 0; i < n; i++) {
      parent.update("shared", StateStoreContract.increment("count"));
      parent.update("parent", StateStoreContract.increment("count"));
    }
    for (Process child : children) {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
      assertThat(child.exitValue()).as(new String(child.getInputStream().readAllBytes(), UTF_8)).isZero();
    }
    // THEN
    Map<String, NodeState> all = StateStore.jsonFile(file).all();
    assertThat(all.get("shared").progress()).containsEntry("count", String.valueOf(3 * n));
    for (String own : List.of("parent", "child-1", "child-2")) {
      assertThat(all.get(own).progress()).as(own).containsEntry("count", String.valueOf(n));
    }
    // Reads may miss another process's last writes (see JsonFileStateStore); an update syncs.
    parent.update("parent", s -> s);
    assertThat(parent.all()).isEqualTo(all);
  }

  private static Process startWriter(Path file, int n, String name) throws Exception {
    // Surefire may start tests from a manifest-only jar; it names the real class path separately.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A short-lived child: the C1 compiler only, for a faster start.
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", classPath,
        StateFileWriterProcess.class.getName(), file.toString(), String.valueOf(n), name)
        .redirectErrorStream(true)
        .start();
  }
}
