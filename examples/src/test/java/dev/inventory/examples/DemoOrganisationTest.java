package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo organisation gives the guide's numbers on any day. Until the query engine exists, the
 * guide's question is answered here in plain Java over the graph: keys whose last access is more
 * than 90 days ago, grouped by the name of the user that owns them.
 */
class DemoOrganisationTest {

  private static Map<String, Integer> staleKeyOwners(Inventory inv, Instant now, Set<String> excluded) {
    Instant cutoff = now.minus(Duration.ofDays(90));
    Map<String, Integer> counts = new TreeMap<>();
    for (Resource key : inv.ofKind("access_key")) {
      if (key.atime().isEmpty() || !key.atime().get().isBefore(cutoff)) {
        continue;
      }
      for (Resource owner : inv.predecessors(key.id(), EdgeType.DEFAULT)) {
        if (inv.kinds().isSubkind(owner.kind(), "user") && !excluded.contains(owner.name().orElse(""))) {
          counts.merge(owner.name().orElseThrow(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-01T00:00:00Z", "2027-02-28T13:45:00Z", "2031-12-31T23:59:59Z"})
  void should_give_the_guides_numbers_on_any_day(String day) {
    // GIVEN
    Instant now = Instant.parse(day);
    Inventory inv = DemoOrganisation.build(Clock.fixed(now, ZoneOffset.UTC));
    // WHEN
    Map<String, Integer> owners = staleKeyOwners(inv, now, Set.of("jenkins", "ci"));
    Map<String, Integer> all = staleKeyOwners(inv, now, Set.of());
    // THEN
    assertThat(owners).containsExactlyInAnyOrderEntriesOf(
        Map.of("ccm-sa", 1, "nancy", 1, "db-runner", 3, "packer-ami", 9, "test-max", 12));
    assertThat(owners.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(26);
    assertThat(all).containsEntry("jenkins", 1).containsEntry("ci", 2);
    assertThat(all.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(29);
  }

  @Test
  void should_have_twelve_accounts_each_with_a_root_user() {
    Inventory inv = DemoOrganisation.build(Clock.systemUTC());
    assertThat(inv.ofKind("aws_account")).hasSize(12);
    assertThat(inv.ofKind("aws_root_user")).hasSize(12);
    assertThat(inv.ofKind("cloud")).extracting(Resource::id).containsExactly("aws");
  }

  @Test
  void should_hold_keys_that_are_not_stale() {
    // GIVEN
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    Inventory inv = DemoOrganisation.build(Clock.fixed(now, ZoneOffset.UTC));
    List<AccessKey> keys = inv.ofType(AccessKey.class);
    // THEN recent, borderline, never-used and inactive keys are all there
    assertThat(keys).anySatisfy(k -> assertThat(k.lastUse().at()).contains(now.minus(Duration.ofDays(89))));
    assertThat(keys).filteredOn(k -> k.lastUse() instanceof LastUse.Never)
        .anySatisfy(k -> assertThat(k.ctime().orElseThrow()).isBefore(now.minus(Duration.ofDays(365))))
        .anySatisfy(k -> assertThat(k.ctime().orElseThrow()).isAfter(now.minus(Duration.ofDays(30))));
    assertThat(keys).filteredOn(k -> k.accessKeyStatus().equals(java.util.Optional.of(AccessKeyStatus.INACTIVE)))
        .isNotEmpty()
        .allSatisfy(k -> assertThat(k.lastUse().at().orElseThrow()).isAfter(now.minus(Duration.ofDays(30))));
    assertThat(keys).filteredOn(k -> k.lastUse().at().map(t -> t.isAfter(now.minus(Duration.ofDays(30)))).orElse(false))
        .hasSizeGreaterThan(12);
    // and the stale ones were last used 120 to 400 days ago
    assertThat(keys).filteredOn(k -> k.lastUse().at().map(t -> t.isBefore(now.minus(Duration.ofDays(90)))).orElse(false))
        .hasSize(29)
        .allSatisfy(k -> assertThat(Duration.between(k.lastUse().at().orElseThrow(), now).toDays()).isBetween(120L, 400L));
  }

  @Test
  void should_use_distinct_ids_for_every_node() {
    Inventory inv = DemoOrganisation.build(Clock.systemUTC());
    assertThat(inv.nodes().stream().map(Resource::id).collect(Collectors.toSet())).hasSize(inv.size());
  }
}
