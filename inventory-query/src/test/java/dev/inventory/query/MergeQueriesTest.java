package dev.inventory.query;

import static dev.inventory.query.EngineFixtures.CLOCK;
import static dev.inventory.query.EngineFixtures.ids;
import static dev.inventory.query.EngineFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.Inventory;
import dev.inventory.query.ast.MergeQuery;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merge blocks, {@code term {name: query, list[]: query} post-filter}, on the small inventory of
 * {@link EngineFixtures#small()}: users a (alice) and b (bob) -> key c -> bucket d.
 */
class MergeQueriesTest {
  private final Inventory inv = small();

  @Test
  void should_read_and_print_a_merge_block_in_fix_inventory_form() {
    String text = "is(aws_ec2_instance) {instance_type: <-- is(aws_ec2_instance_type), volumes[]: -->} "
        + "instance_type.reported.cores > 2";
    Query q = QueryParser.parse(text);
    assertThat(q.parts()).hasSize(1);
    List<MergeQuery> merges = q.parts().get(0).merges();
    assertThat(merges).extracting(MergeQuery::name).containsExactly("instance_type", "volumes");
    assertThat(merges).extracting(MergeQuery::list).containsExactly(false, true);
    assertThat(q.parts().get(0).postFilter()).isPresent();
    assertThat(q.toString()).isEqualTo(text);
    assertThat(QueryParser.parse(q.toString())).isEqualTo(q);
    // names with dots and a leading slash; a sort after the block
    Query dotted = QueryParser.parse("all {/ancestors.account: <-[1:]- is(account), a.b: all -->} sort name");
    assertThat(dotted.parts().get(0).merges()).extracting(MergeQuery::name)
        .containsExactly("/ancestors.account", "a.b");
    assertThat(QueryParser.parse(dotted.toString())).isEqualTo(dotted);
  }

  @Test
  void should_refuse_a_merge_query_that_does_not_start_with_a_navigation() {
    assertThatThrownBy(() -> QueryParser.parse("is(user) {key: is(access_key)}"))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("a merge query starts with a navigation").hasMessageContaining("1:16");
    assertThatThrownBy(() -> QueryParser.parse("is(user) {: -->}"))
        .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("expected the name of a merged value");
  }

  @Test
  void should_filter_on_the_first_node_a_single_merge_finds() {
    // the key's users are a and b; a single merge keeps the first (alice)
    assertThat(ids(inv, "is(access_key) {user: <-- is(user)} user.reported.name == alice")).containsExactly("c");
    assertThat(ids(inv, "is(access_key) {user: <-- is(user)} user.reported.name == bob")).isEmpty();
    // every user reaches the key, whose size reads through the merge
    assertThat(ids(inv, "is(user) {key: --> is(access_key)} key.reported.size == \"7\"")).containsExactly("a", "b");
    // nothing found: the merged value is missing
    assertThat(ids(inv, "is(user) {bucket: --> is(aws_s3_bucket)} bucket.reported.name != null")).isEmpty();
    assertThat(ids(inv, "is(user) {bucket: -[2]-> is(aws_s3_bucket)} bucket.id == d")).containsExactly("a", "b");
  }

  @Test
  void should_keep_every_found_node_for_a_list_merge() {
    assertThat(ids(inv, "is(access_key) {users[]: <-- is(user)} users[1].reported.name == bob")).containsExactly("c");
    assertThat(ids(inv, "is(access_key) {users[]: <-- is(user)} users[*].kind == user")).containsExactly("c");
    assertThat(ids(inv, "is(access_key) {users[]: <-- is(user)} users[2].reported.name != null")).isEmpty();
    SearchResult r = QueryEngine.of(inv).search(QueryParser.parse("is(access_key) {users[]: <--}"), CLOCK);
    Path names = QueryParser.parse("users[*].reported.name == x").parts().get(0).term()
        .map(t -> ((dev.inventory.query.ast.Predicate) t).path()).orElseThrow();
    assertThat(r.values(names)).containsExactly(List.of("alice", "bob"));
    // as in Fix Inventory, the list itself has no reported section: an element is picked with [n] or [*]
    assertThat(r.values(Path.reported("users", "reported", "name"))).containsExactly(List.of());
  }

  @Test
  void should_make_merged_values_readable_by_commands_and_sorting() {
    SearchResult r = QueryEngine.of(inv).search(
        QueryParser.parse("is(user) {next: --> all} sort next.reported.size"), CLOCK);
    assertThat(r.values(Path.reported("next", "reported", "code"))).containsExactly(List.of("123"), List.of("123"));
    assertThat(r.valueCounts(Path.reported("next", "id"))).containsEntry(List.of("c"), 2);
    assertThat(r.values(Path.reported("next", "id"), r.nodes().get(0))).containsExactly("c");
    // a merge named like a property shadows it, as Fix Inventory's merge does
    SearchResult shadow = QueryEngine.of(inv).search(QueryParser.parse("is(user) {name: --> all}"), CLOCK);
    assertThat(shadow.values(Path.reported("name", "id"))).containsExactly(List.of("c"), List.of("c"));
  }

  @Test
  void should_read_a_merge_named_after_the_ancestors_section() {
    assertThat(ids(inv, "is(aws_s3_bucket) {ancestors.owner: <-[2]- is(user)} ancestors.owner.reported.name == alice"))
        .containsExactly("d");
  }

  @Test
  void should_evaluate_merges_in_a_part_before_a_navigation() {
    assertThat(ids(inv, "is(user) {key: --> is(access_key)} name == bob --> is(access_key)")).containsExactly("c");
    assertThat(ids(inv, "is(user) {key: --> is(aws_s3_bucket)} key.id == c -->")).isEmpty();
  }
}
