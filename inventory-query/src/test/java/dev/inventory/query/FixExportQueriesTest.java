package dev.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.query.command.CommandResult;
import dev.inventory.query.command.Commands;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Queries over a Fix Inventory export ({@code fix-aws-account.ndjson} from inventory-api's test
 * resources): {@code id(...)} matches graph ids (Fix's hashes), the path {@code id} the resources'
 * own ids.
 */
class FixExportQueriesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String ALICE_OLD_KEY = "a5KBtCH5I0QvOSLudRlzMg";

  private final Fixture fixture = sample();
  private final Inventory inventory = fixture.inventory();

  private static Fixture sample() {
    try (InputStream in = FixExportQueriesTest.class.getResourceAsStream("/dev/inventory/fixture/fix-aws-account.ndjson")) {
      return FixtureFormat.read(in, "fix-aws-account.ndjson");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StateStore state() {
    StateStore state = StateStore.inMemory();
    fixture.loadStateInto(state);
    return state;
  }

  private Commands commands() {
    return Commands.builder().inventory(inventory).state(state()).clock(CLOCK).build();
  }

  private List<String> resourceIds(String query) {
    return QueryEngine.of(inventory, state()).search(QueryParser.parse(query), CLOCK).nodes().stream()
        .map(Resource::resourceId).toList();
  }

  @Test
  void should_count_the_access_keys_of_the_export() {
    // GIVEN the sample export with five keys (four of IAM users, one of the root user)
    // WHEN
    CommandResult result = commands().execute("search is(aws_iam_access_key) | count");
    // THEN
    assertThat(result.text()).isEqualTo("total matched: 5\ntotal unmatched: 0");
    assertThat(commands().execute("search is(access_key) and access_key_status == Inactive | count").text())
        .isEqualTo("total matched: 1\ntotal unmatched: 0");
  }

  @Test
  void should_match_graph_ids_with_id_and_resource_ids_with_the_path_id() {
    // WHEN / THEN id(...) takes Fix's node id, the property id the AWS id
    assertThat(resourceIds("id(" + ALICE_OLD_KEY + ")")).containsExactly("AKIAQ3EGRALICE000001");
    assertThat(resourceIds("id(AKIAQ3EGRALICE000001)")).isEmpty();
    assertThat(resourceIds("id == AKIAQ3EGRALICE000001")).containsExactly("AKIAQ3EGRALICE000001");
    assertThat(resourceIds("/reported.id == AKIAQ3EGRALICE000001")).containsExactly("AKIAQ3EGRALICE000001");
    assertThat(resourceIds("/reported.id == " + ALICE_OLD_KEY)).isEmpty();
    assertThat(resourceIds("is(aws_account) and id == \"111111111111\"")).containsExactly("111111111111");
    assertThat(resourceIds("is(cloud) and /reported.id == aws")).containsExactly("aws");
  }

  @Test
  void should_read_fix_inventorys_aws_properties_and_walk_the_turned_delete_edges() {
    // GIVEN keys not used for 180 days, and bob's key whose use is unknown (Fix gives no last use time)
    // WHEN / THEN
    assertThat(resourceIds("is(aws_iam_access_key) and last_access > 180days"))
        .containsExactlyInAnyOrder("AKIAQ3EGRALICE000001", "AKIAQ3EGRCIDEPLOY001", "root_key_1");
    assertThat(resourceIds("is(aws_iam_access_key) and last_use == unknown")).containsExactly("AKIAQ3EGRBOB00000001");
    assertThat(resourceIds("is(aws_iam_access_key) and account.id == \"111111111111\"")).hasSize(5);
    // user -delete-> key, as read from Fix's key -delete-> user
    assertThat(resourceIds("is(aws_iam_user) and name == alice -delete->"))
        .containsExactlyInAnyOrder("AKIAQ3EGRALICE000001", "AKIAQ3EGRALICE000002");
    assertThat(resourceIds("is(aws_iam_user) and name == alice -iam->")).containsExactly("AIDAQ3EGRBOB00000001");
    assertThat(resourceIds("is(aws_iam_access_key) and /desired.clean == true")).containsExactly("AKIAQ3EGRBOB00000001");
  }
}
