package dev.inventory.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link StateStore} contract and the file behaviour of {@link StateStore#jsonFile(Path)}. */
class JsonFileStateStoreTest extends StateStoreContract {
  @TempDir
  Path dir;

  Path file() {
    return dir.resolve("state.json");
  }

  @Override
  StateStore newStore() {
    return StateStore.jsonFile(file());
  }

  @Override
  StateStore reopen(StateStore store) {
    return StateStore.jsonFile(file());
  }

  @Override
  int incrementsPerThread() {
    // Each increment is a synced write of the whole file; 8 x 25 keeps the test to about a second.
    return 25;
  }

  @Test
  void should_read_the_same_state_after_reopening() {
    // GIVEN
    StateStore store = newStore();
    store.update("AKIA1", s -> s.withClean(Mark.of("unused", T1, "search is(access_key) | clean")));
    store.update("AKIA2", s -> s.withProtection(Mark.of("break-glass", T2)).withProgress("deactivated", "yes"));
    store.update("user/ci", s -> s.withCleaned(Mark.of("deleted", T2)));
    // WHEN
    StateStore reopened = StateStore.jsonFile(file());
    // THEN
    assertThat(reopened.all()).isEqualTo(store.all()).hasSize(3);
  }

  @Test
  void should_write_pretty_json_in_the_documented_shape() throws IOException {
    // GIVEN
    StateStore store = newStore();
    // WHEN
    store.update("k2", s -> s.withProtection(Mark.of("keep", T2)).withProgress("deactivated", "2026-02-03T04:05:06Z"));
    store.update("k1", s -> s.withClean(Mark.of("unused", T1, "search all | clean")));
    // THEN
    assertThat(Files.readString(file())).isEqualTo("""
        {
          "version": 1,
          "nodes": {
            "k1": {
              "desired": {
                "clean": true,
                "clean_reason": "unused",
                "clean_time": "2026-01-02T03:04:05Z",
                "clean_query": "search all | clean"
              },
              "metadata": {
                "protected": false,
                "cleaned": false
              }
            },
            "k2": {
              "desired": {
                "clean": false
              },
              "metadata": {
                "protected": true,
                "protect_reason": "keep",
                "protect_time": "2026-02-03T04:05:06Z",
                "cleaned": false,
                "cleanup": {
                  "deactivated": "2026-02-03T04:05:06Z"
                }
              }
            }
          }
        }
        """);
    JsonNode json = new ObjectMapper().readTree(file().toFile());
    assertThat(json.get("version").intValue()).isEqualTo(1);
    assertThat(json.get("nodes").get("k1").get("desired").get("clean").booleanValue()).isTrue();
  }

  @Test
  void should_create_the_file_only_at_the_first_change() {
    // GIVEN
    StateStore store = newStore();
    // WHEN
    store.get("k1");
    store.all();
    store.update("k1", s -> s);
    // THEN
    assertThat(file()).doesNotExist();
    store.update("k1", s -> marked("now"));
    assertThat(file()).exists();
  }

  @Test
  void should_keep_an_empty_node_list_when_the_last_entry_is_removed() throws IOException {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("x"));
    // WHEN
    store.update("k1", s -> NodeState.EMPTY);
    // THEN
    assertThat(new ObjectMapper().readTree(file().toFile()).get("nodes").size()).isZero();
    assertThat(StateStore.jsonFile(file()).all()).isEmpty();
  }

  @Test
  void should_keep_the_old_file_when_the_writer_dies_between_write_and_rename() throws IOException {
    // GIVEN
    JsonFileStateStore store = JsonFileStateStore.open(file(), temp -> {
      // The new content is complete in the temp file, but the state file still has the old one.
      assertThat(Files.readString(temp)).contains("\"new\"");
      assertThat(Files.readString(file())).doesNotContain("\"new\"");
      throw new IOException("simulated crash before the rename");
    });
    StateStore healthy = StateStore.jsonFile(file());
    healthy.update("old", s -> marked("old"));
    byte[] before = Files.readAllBytes(file());
    // WHEN / THEN
    assertThatThrownBy(() -> store.update("new", s -> marked("new")))
        .isInstanceOf(StateException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("keeps its previous content")
        .hasRootCauseMessage("simulated crash before the rename");
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
    assertThat(store.get("new")).isEqualTo(NodeState.EMPTY);
    assertThat(store.all()).containsOnlyKeys("old");
    assertThat(StateStore.jsonFile(file()).all()).containsOnlyKeys("old");
    assertThat(filesIn(dir)).containsExactlyInAnyOrder("state.json", "state.json.lock");
  }

  @Test
  void should_ignore_temp_files_left_by_a_crashed_writer_and_remove_them_at_the_next_write() throws IOException {
    // GIVEN: a writer died after writing its temp file, a complete one and a torn one
    StateStore first = newStore();
    first.update("kept", s -> marked("kept"));
    Files.writeString(dir.resolve("state.json.tmp-42"), "{\"version\": 1, \"nodes\": {}}\n");
    Files.writeString(dir.resolve("state.json.tmp-7"), "{\"version\": 1, \"nod");
    Files.writeString(dir.resolve("other.json.tmp-1"), "not ours");
    Files.writeString(dir.resolve("state.json.tmp-1.bak"), "not a temp file of ours");
    // WHEN
    StateStore reopened = StateStore.jsonFile(file());
    // THEN
    assertThat(reopened.all()).containsOnlyKeys("kept");
    reopened.update("second", s -> marked("second"));
    assertThat(filesIn(dir)).containsExactlyInAnyOrder(
        "state.json", "state.json.lock", "other.json.tmp-1", "state.json.tmp-1.bak");
    assertThat(StateStore.jsonFile(file()).all()).containsOnlyKeys("kept", "second");
  }

  @Test
  void should_refuse_to_open_a_file_whose_directory_does_not_exist() {
    // GIVEN
    Path missing = dir.resolve("no-such-dir").resolve("state.json");
    // WHEN / THEN
    assertThatThrownBy(() -> StateStore.jsonFile(missing))
        .isInstanceOf(StateException.class)
        .hasMessage("state file " + missing + " is in a directory that does not exist (" + missing.getParent()
            + "): cannot keep marks there (create the directory first or give another --state file)");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void should_refuse_to_open_a_path_that_cannot_be_read_as_a_file() throws IOException {
    // GIVEN
    Files.createDirectory(file());
    // WHEN / THEN
    assertThatThrownBy(() -> StateStore.jsonFile(file()))
        .isInstanceOf(StateException.class)
        .hasMessage("state file " + file() + " is a directory: cannot keep marks there (give the path of a file "
            + "or give another --state file)");
  }

  @Test
  void should_refuse_to_open_a_read_only_file_and_leave_it_as_it_is() throws IOException {
    // GIVEN a state file with a mark, made read-only (mode 444, which root could still write)
    assumePosix();
    newStore().update("k1", s -> marked("kept"));
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--r--r--"));
    byte[] before = Files.readAllBytes(file());
    // WHEN / THEN refused at open, before anything could be lost
    assertThatThrownBy(() -> StateStore.jsonFile(file()))
        .isInstanceOf(StateException.class)
        .hasMessage("state file " + file() + " is read-only: cannot keep marks there (make it writable or give "
            + "another --state file)");
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
  }

  @Test
  void should_refuse_a_write_to_a_file_made_read_only_after_opening() throws IOException {
    // GIVEN an open store whose file is then made read-only
    assumePosix();
    StateStore store = newStore();
    store.update("k1", s -> marked("kept"));
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--r-----"));
    byte[] before = Files.readAllBytes(file());
    // WHEN / THEN
    assertThatThrownBy(() -> store.update("k2", s -> marked("lost?")))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("is read-only: cannot keep marks there");
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void should_create_a_new_file_with_mode_600_and_keep_the_mode_of_an_existing_one() throws IOException {
    // GIVEN
    assumePosix();
    StateStore store = newStore();
    // WHEN a new file is created
    store.update("k1", s -> marked("a"));
    // THEN only its owner may read it
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    // AND WHEN a person made it group-readable, a write keeps that mode
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));
    store.update("k2", s -> marked("b"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-r-----");
    assertThat(StateStore.jsonFile(file()).all()).containsOnlyKeys("k1", "k2");
  }

  private void assumePosix() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null,
        "the file system has no POSIX permissions");
  }

  @Test
  void should_refuse_to_write_over_a_file_that_became_corrupt() throws IOException {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("x"));
    Files.writeString(file(), "{\"version\": 1, \"nodes\": {\"k1\": 12}}\n");
    // WHEN / THEN
    assertThatThrownBy(() -> store.update("k2", s -> marked("y")))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("state file " + file() + ", line 1, column 32: ")
        .hasMessageContaining("expected node \"k1\" to be an object");
    assertThat(Files.readString(file())).isEqualTo("{\"version\": 1, \"nodes\": {\"k1\": 12}}\n");
  }

  @Test
  void should_refuse_a_change_function_that_writes_to_the_store() {
    // GIVEN
    StateStore store = newStore();
    // WHEN / THEN
    assertThatThrownBy(() -> store.update("a", s -> store.update("b", t -> marked("inner"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file().toString());
    assertThat(store.all()).isEmpty();
  }

  @Test
  void should_show_changes_another_store_wrote_to_the_same_file() {
    // GIVEN
    StateStore one = newStore();
    StateStore two = StateStore.jsonFile(file());
    // WHEN
    one.update("a", s -> marked("by one"));
    two.update("b", s -> marked("by two"));
    // THEN
    assertThat(one.all()).containsOnlyKeys("a", "b");
    assertThat(two.get("a")).isEqualTo(marked("by one"));
    assertThat(StateStore.jsonFile(file()).all()).containsOnlyKeys("a", "b");
  }

  @Test
  void should_lose_no_update_when_two_stores_on_one_file_write_from_two_threads() throws Exception {
    // GIVEN
    List<StateStore> stores = List.of(newStore(), StateStore.jsonFile(file()));
    int n = 50;
    // WHEN: equal-size rewrites in quick succession, which modification time and size cannot tell apart
    runConcurrently(2, t -> {
      for (int i = 0; i < n; i++) {
        stores.get(t).update("shared", increment("count"));
        stores.get(t).update("own-" + t, increment("count"));
      }
    });
    // THEN
    Map<String, NodeState> all = StateStore.jsonFile(file()).all();
    assertThat(all.get("shared").progress()).containsEntry("count", String.valueOf(2 * n));
    assertThat(all.get("own-0").progress()).containsEntry("count", String.valueOf(n));
    assertThat(all.get("own-1").progress()).containsEntry("count", String.valueOf(n));
    assertThat(stores.get(0).all()).isEqualTo(all);
    assertThat(stores.get(1).all()).isEqualTo(all);
  }

  static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
