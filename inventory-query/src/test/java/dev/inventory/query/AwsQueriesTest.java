package dev.inventory.query;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.EngineFixtures.CLOCK;
import static dev.inventory.query.EngineFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.Fixtures;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed AWS resources: typed accessors, shorthands, ancestors, state sections. */
class AwsQueriesTest {
  private static final String STALE_JENKINS = "AKIAJENKINS000000001";
  private static final String STALE_NANCY = "AKIANANCY00000000001";
  private static final String FRESH_NANCY = "AKIANANCY00000000002";
  private static final String NEVER_USED = "AKIANEVER00000000001";
  private static final String STAGING_KEY = "AKIASTAGING000000001";

  private final Inventory inv = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("jenkins", u -> u.accessKey(STALE_JENKINS, k -> k.created(daysAgo(400)).lastUsed(daysAgo(120))))
          .user("nancy", u -> u
              .mfaActive(true)
              .accessKey(STALE_NANCY, k -> k.created(daysAgo(300)).lastUsed(daysAgo(200), "s3", "eu-west-1"))
              .accessKey(FRESH_NANCY, k -> k.created(daysAgo(30)).lastUsed(daysAgo(1)).inactive()))
          .user("ghost", u -> u.accessKey(NEVER_USED, k -> k.created(daysAgo(500)).neverUsed())))
      .account("222222222222", "staging", a -> a
          .user("jenkins", u -> u.accessKey(STAGING_KEY, k -> k.created(daysAgo(200)).lastUsed(daysAgo(150)))))
      .build();

  @Test
  void should_find_stale_keys_and_walk_to_their_distinct_owners() {
    assertThat(ids(inv, "is(access_key) and last_access > 90days"))
        .containsExactlyInAnyOrder(STALE_JENKINS, STALE_NANCY, STAGING_KEY);
    List<String> owners = QueryEngine.of(inv)
        .search(QueryParser.parse("is(access_key) and last_access > 90days <-- is(user)"), CLOCK)
        .nodes().stream().map(r -> r.name().orElseThrow()).toList();
    assertThat(owners).containsExactlyInAnyOrder("jenkins", "nancy", "jenkins");
  }

  @Test
  void should_read_the_owner_through_the_ancestors_section() {
    assertThat(ids(inv, "is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]"))
        .containsExactly(STALE_NANCY);
    assertThat(ids(inv, "is(access_key) and /ancestors.user.reported.mfa_active == true"))
        .containsExactlyInAnyOrder(STALE_NANCY, FRESH_NANCY);
    // the nearest account above a key is two steps further than its user
    assertThat(ids(inv, "is(access_key) and /ancestors.account.reported.name == staging")).containsExactly(STAGING_KEY);
    // descendants walk outward
    assertThat(ids(inv, "is(user) and /descendants.access_key.reported.last_use == never"))
        .hasSize(1)
        .allSatisfy(id -> assertThat(inv.node(id).flatMap(Resource::name)).contains("ghost"));
  }

  @Test
  void should_expand_the_account_region_and_cloud_shorthands() {
    assertThat(ids(inv, "is(access_key) and account == staging")).containsExactly(STAGING_KEY);
    assertThat(ids(inv, "is(access_key) and account.id == \"222222222222\"")).containsExactly(STAGING_KEY);
    assertThat(ids(inv, "is(access_key) and region == global")).hasSize(5);
    assertThat(ids(inv, "is(user) and cloud == aws")).hasSize(4);
    assertThat(ids(inv, "is(user) and cloud != aws")).isEmpty();
  }

  @Test
  void should_read_declared_properties_through_typed_accessors() {
    assertThat(ids(inv, "is(access_key) and access_key_status == Inactive")).containsExactly(FRESH_NANCY);
    assertThat(ids(inv, "is(access_key) and last_use == never")).containsExactly(NEVER_USED);
    assertThat(ids(inv, "is(access_key) and access_key_last_used.service_name == s3")).containsExactly(STALE_NANCY);
    assertThat(ids(inv, "is(access_key) and user_name == nancy")).containsExactlyInAnyOrder(STALE_NANCY, FRESH_NANCY);
    // a declared boolean accepts yes/no text
    assertThat(ids(inv, "is(aws_iam_user) and mfa_active == \"yes\""))
        .allSatisfy(id -> assertThat(inv.node(id).flatMap(Resource::name)).contains("nancy"))
        .hasSize(1);
  }

  @Test
  void should_never_take_a_never_used_key_for_a_stale_one() {
    // a never-used key has no atime: last_access skips it, last_use and age find it
    assertThat(ids(inv, "is(access_key) and last_access > 1d")).doesNotContain(NEVER_USED);
    assertThat(ids(inv, "is(access_key) and last_use == never and age > 90d")).containsExactly(NEVER_USED);
  }

  @Test
  void should_read_desired_and_metadata_from_the_state_store() {
    // GIVEN
    StateStore state = StateStore.inMemory();
    state.update(STALE_NANCY, s -> s.withClean(Mark.of("stale", CLOCK.instant(), "q")));
    state.update(STALE_JENKINS, s -> s.withProtection(Mark.of("ci", CLOCK.instant())));
    QueryEngine engine = QueryEngine.of(inv, state);
    // WHEN / THEN
    assertThat(ids(engine, "/desired.clean == true")).containsExactly(STALE_NANCY);
    assertThat(ids(engine, "is(access_key) and /desired.clean == false")).hasSize(4);
    assertThat(ids(engine, "/desired.clean_reason == stale")).containsExactly(STALE_NANCY);
    assertThat(ids(engine, "/desired.clean_time > -1d")).containsExactly(STALE_NANCY);
    assertThat(ids(engine, "/metadata.protected == true")).containsExactly(STALE_JENKINS);
    // a state change is seen by the next run of the same compiled query
    CompiledQuery marked = engine.compile(QueryParser.parse("/desired.clean == true"));
    state.update(STAGING_KEY, s -> s.withClean(Mark.of("stale", CLOCK.instant())));
    assertThat(marked.run(CLOCK).size()).isEqualTo(2);
    assertThat(marked.matches(STAGING_KEY, CLOCK)).isTrue();
  }
}
