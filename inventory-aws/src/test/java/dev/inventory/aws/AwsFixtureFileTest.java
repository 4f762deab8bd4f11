package dev.inventory.aws;

import static dev.inventory.aws.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureException;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NDJSON fixtures of AWS inventories: with this module present they load as typed objects. */
class AwsFixtureFileTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static Inventory organisation() {
    return Fixtures.aws(CLOCK)
        .account("111111111111", "prod", a -> a
            .user("jenkins", u -> u
                .tag("team", "ci")
                .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120), "s3", "eu-west-1"))
                .accessKey(k -> k.neverUsed().created(daysAgo(500)).inactive()))
            .user("nancy", u -> u.passwordLastUsed(daysAgo(3)).accessKey(k -> k.unknownUse()))
            .rootUser(r -> r.accessKey(k -> k.lastUsed(daysAgo(10))))
            .group("admins")
            .role("deployer", r -> r.lastUsed(daysAgo(2))))
        .account("222222222222", "dev", a -> a.user("jenkins"))
        .build();
  }

  @Test
  void should_write_and_read_back_an_equal_typed_inventory_with_state() {
    // GIVEN
    Inventory original = organisation();
    Map<String, NodeState> state = Map.of(
        "AKIAJENKINS000000001", NodeState.EMPTY.withClean(Mark.of("unused for 90 days", NOW, "is(access_key)")));
    StringWriter out = new StringWriter();
    // WHEN
    FixtureFormat.write(original, state, out);
    Fixture read = FixtureFormat.read(new StringReader(out.toString()), "org.ndjson");
    // THEN
    assertThat(read.inventory()).isEqualTo(original);
    assertThat(read.state()).isEqualTo(state);
    AwsIamAccessKey key = (AwsIamAccessKey) read.inventory().node("AKIAJENKINS000000001").orElseThrow();
    assertThat(key.lastUse()).isEqualTo(new LastUse.Used(NOW.minusSeconds(120L * 86400), java.util.Optional.of("s3"),
        java.util.Optional.of("eu-west-1")));
    assertThat(key.userName()).isEqualTo("jenkins");
    assertThat(read.inventory().ofType(AwsIamAccessKey.class)).hasSize(4);
    assertThat(read.inventory().ofType(AwsIamAccessKey.class))
        .filteredOn(k -> k.accessKeyStatus().equals(java.util.Optional.of(AccessKeyStatus.INACTIVE)))
        .singleElement()
        .satisfies(k -> assertThat(k.lastUse()).isEqualTo(LastUse.never()));
    assertThat(read.inventory().ofType(AwsRootUser.class)).hasSize(1);
    assertThat(read.inventory().predecessors("AKIAJENKINS000000001", EdgeType.DELETE))
        .singleElement().isInstanceOf(AwsIamUser.class);
  }

  @Test
  void should_load_a_fix_inventory_style_key_without_last_use_as_used() {
    // GIVEN a node as Fix Inventory exports it: atime and access_key_last_used, but no last_use
    String line = "{\"id\":\"AKIA0000000000000001\",\"reported\":{\"kind\":\"aws_iam_access_key\",\"id\":\"AKIA0000000000000001\","
        + "\"name\":\"ci\",\"access_key_status\":\"Active\",\"ctime\":\"2024-01-01T00:00:00Z\",\"atime\":\"2025-01-01T00:00:00Z\","
        + "\"access_key_last_used\":{\"last_used\":\"2025-01-01T00:00:00Z\",\"last_rotated\":\"2024-01-01T00:00:00Z\"}}}\n";
    // WHEN
    Fixture read = FixtureFormat.read(new StringReader(line), "export.ndjson");
    // THEN
    AwsIamAccessKey key = (AwsIamAccessKey) read.inventory().node("AKIA0000000000000001").orElseThrow();
    assertThat(key.lastUse().at()).contains(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(key.userName()).isEqualTo("ci");
  }

  @Test
  void should_name_the_line_and_field_of_a_bad_access_key_status() {
    String text = "{\"id\":\"aws\",\"reported\":{\"kind\":\"cloud\"}}\n"
        + "{\"id\":\"AKIA0000000000000001\",\"reported\":{\"kind\":\"aws_iam_access_key\",\"name\":\"ci\",\"access_key_status\":\"Sleeping\"}}\n";
    assertThatThrownBy(() -> FixtureFormat.read(new StringReader(text), "bad.ndjson"))
        .isInstanceOfSatisfying(FixtureException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.field()).isEqualTo("reported.access_key_status");
        });
  }
}
