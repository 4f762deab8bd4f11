package dev.inventory.aws;

import static dev.inventory.aws.Fixtures.ago;
import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.aws.Fixtures.hoursAgo;
import static dev.inventory.aws.TestSupport.CLOCK;
import static dev.inventory.aws.TestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixturesTest {

  /** The example from the fixture builder's documentation. */
  static Inventory example() {
    return Fixtures.aws(CLOCK)
        .account("111111111111", "prod", a -> a
            .user("jenkins", u -> u
                .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120)))
                .accessKey(k -> k.neverUsed().created(daysAgo(500)).inactive()))
            .user("nancy", u -> u.tag("team", "data").passwordLastUsed(daysAgo(3)))
            .rootUser(r -> r.accessKey(k -> k.lastUsed(daysAgo(10))))
            .group("admins")
            .role("deployer", r -> r.lastUsed(daysAgo(2))))
        .build();
  }

  private static Instant days(long n) {
    return NOW.minus(Duration.ofDays(n));
  }

  private static <R extends Resource> R only(Inventory inv, String kind, String name, Class<R> type) {
    return inv.ofKind(kind).stream()
        .filter(r -> r.name().equals(Optional.of(name)))
        .map(type::cast)
        .reduce((a, b) -> {
          throw new AssertionError("two " + kind + " named " + name);
        })
        .orElseThrow();
  }

  @Test
  void should_build_the_shape_of_a_collect() {
    // GIVEN the documented example
    // WHEN it is built
    Inventory inv = example();
    // THEN cloud -> account -> region global -> principals -> keys, as default edges
    Resource cloud = inv.node("aws").orElseThrow();
    assertThat(cloud).isInstanceOf(GenericResource.class);
    assertThat(cloud.kind()).isEqualTo("cloud");
    assertThat(cloud.name()).contains("aws");
    assertThat(inv.successors("aws", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("111111111111");
    AwsAccount account = (AwsAccount) inv.node("111111111111").orElseThrow();
    assertThat(account.name()).contains("prod");
    assertThat(inv.successors("111111111111", EdgeType.DEFAULT))
        .extracting(Resource::id).containsExactly("111111111111/global");
    assertThat(inv.node("111111111111/global").orElseThrow())
        .isInstanceOf(AwsRegion.class)
        .extracting(r -> r.name().orElseThrow()).isEqualTo("global");
    assertThat(inv.successors("111111111111/global", EdgeType.DEFAULT))
        .extracting(r -> r.kind() + ":" + r.name().orElseThrow())
        .containsExactly("aws_iam_user:jenkins", "aws_iam_user:nancy", "aws_root_user:root",
            "aws_iam_group:admins", "aws_iam_role:deployer");
    assertThat(inv.size()).isEqualTo(1 + 1 + 1 + 2 + 1 + 1 + 1 + 3);
    assertThat(inv.edges()).filteredOn(e -> e.type() == EdgeType.DELETE).hasSize(3);
    assertThat(inv.edgeCount()).isEqualTo(1 + 1 + 5 + 3 + 3);
  }

  @Test
  void should_find_keys_and_users_by_base_kind_and_by_java_type() {
    // GIVEN the example
    Inventory inv = example();
    // WHEN nodes are looked up by base kind and by Java type
    // THEN the AWS subkinds are included
    assertThat(inv.ofKind("access_key")).hasSize(3).allMatch(r -> r instanceof AwsIamAccessKey);
    assertThat(inv.ofKind("user")).extracting(Resource::kind)
        .containsExactlyInAnyOrder("aws_iam_user", "aws_iam_user", "aws_root_user");
    assertThat(inv.ofType(AccessKey.class)).hasSize(3);
    assertThat(inv.ofType(dev.inventory.User.class)).hasSize(3);
    assertThat(inv.ofKind("aws_resource")).hasSize(inv.size() - 1);
    assertThat(inv.ofKind("group")).hasSize(1);
    assertThat(inv.ofKind("role")).hasSize(1);
  }

  @Test
  void should_link_each_key_to_its_owner_in_both_directions_per_edge_type() {
    // GIVEN the example
    Inventory inv = example();
    AwsIamUser jenkins = only(inv, "aws_iam_user", "jenkins", AwsIamUser.class);
    AwsRootUser root = only(inv, "aws_root_user", "root", AwsRootUser.class);
    // WHEN adjacency is read
    List<Resource> jenkinsKeys = inv.successors(jenkins.id(), EdgeType.DEFAULT);
    // THEN a key's default predecessor is its user, and the user's delete successors are its keys
    assertThat(jenkinsKeys).extracting(Resource::id).first().isEqualTo("AKIAJENKINS000000001");
    assertThat(inv.successors(jenkins.id(), EdgeType.DELETE)).containsExactlyElementsOf(jenkinsKeys);
    for (Resource key : jenkinsKeys) {
      assertThat(inv.predecessors(key.id(), EdgeType.DEFAULT)).containsExactly(jenkins);
      assertThat(inv.predecessors(key.id(), EdgeType.DELETE)).containsExactly(jenkins);
      assertThat(inv.successors(key.id(), EdgeType.DELETE)).isEmpty();
    }
    Resource rootKey = inv.successors(root.id(), EdgeType.DEFAULT).get(0);
    assertThat(inv.predecessors(rootKey.id(), EdgeType.DELETE)).containsExactly(root);
    assertThat(inv.predecessors(jenkins.id(), EdgeType.DEFAULT)).extracting(Resource::id)
        .containsExactly("111111111111/global");
  }

  @Test
  void should_resolve_times_against_the_clock_and_keep_the_three_last_use_states() {
    // GIVEN the example
    Inventory inv = example();
    List<AwsIamAccessKey> keys = inv.ofType(AwsIamAccessKey.class);
    AwsIamAccessKey used = keys.get(0);
    AwsIamAccessKey never = keys.get(1);
    AwsIamAccessKey rootKey = keys.get(2);
    // WHEN / THEN a used key has atime = its use, a never-used one has none
    assertThat(used.lastUse()).isEqualTo(LastUse.usedAt(days(120)));
    assertThat(used.atime()).contains(days(120));
    assertThat(used.ctime()).contains(days(400));
    assertThat(used.accessKeyStatus()).contains(AccessKeyStatus.ACTIVE);
    assertThat(used.userName()).isEqualTo("jenkins");
    assertThat(used.name()).contains("jenkins");
    assertThat(never.lastUse()).isSameAs(LastUse.never());
    assertThat(never.atime()).isEmpty();
    assertThat(never.accessKeyStatus()).contains(AccessKeyStatus.INACTIVE);
    assertThat(never.ctime()).contains(days(500));
    assertThat(rootKey.userName()).isEqualTo("root");
    assertThat(rootKey.atime()).contains(days(10));
    assertThat(rootKey.ctime()).contains(days(Fixtures.DEFAULT_KEY_AGE_DAYS));
  }

  @Test
  void should_default_to_unknown_use_active_status_and_a_fixed_age() {
    // GIVEN a key about which nothing is said
    Inventory inv = Fixtures.aws(CLOCK)
        .account("111111111111", a -> a.user("ci", u -> u.accessKey(k -> { })))
        .build();
    // WHEN it is read
    AwsIamAccessKey key = inv.ofType(AwsIamAccessKey.class).get(0);
    AwsIamUser user = inv.ofType(AwsIamUser.class).get(0);
    // THEN its use is unknown, it is active and a year old; the user is older, with defaults
    assertThat(key.lastUse()).isSameAs(LastUse.unknown());
    assertThat(key.accessKeyStatus()).contains(AccessKeyStatus.ACTIVE);
    assertThat(key.ctime()).contains(days(365));
    assertThat(user.ctime()).contains(days(730));
    assertThat(user.path()).contains("/");
    assertThat(user.passwordEnabled()).contains(false);
    assertThat(user.mfaActive()).contains(false);
    assertThat(inv.node("111111111111").orElseThrow().name()).contains("111111111111");
  }

  @Test
  void should_move_default_creation_times_before_a_use_or_a_key() {
    // GIVEN a key last used 900 days ago, without a creation time
    Inventory inv = Fixtures.aws(CLOCK)
        .account("111111111111", a -> a
            .user("old", u -> u.accessKey(k -> k.lastUsed(daysAgo(900))))
            .role("ancient", r -> r.lastUsed(daysAgo(1000))))
        .build();
    // WHEN / THEN the key and its user were created no later than that use
    assertThat(inv.ofType(AwsIamAccessKey.class).get(0).ctime()).contains(days(900));
    assertThat(inv.ofType(AwsIamUser.class).get(0).ctime()).contains(days(900));
    assertThat(inv.ofType(AwsIamRole.class).get(0).ctime()).contains(days(1000));
  }

  @Test
  void should_set_user_values_arn_with_path_and_tags() {
    // GIVEN a user with every setter used
    Inventory inv = Fixtures.aws(CLOCK)
        .account("111111111111", "prod", a -> a.user("nancy", u -> u
            .created(Instant.parse("2020-01-01T00:00:00Z"))
            .passwordLastUsed(hoursAgo(5))
            .passwordEnabled(false)
            .mfaActive(true)
            .path("/data/")
            .tag("team", "data")))
        .build();
    // WHEN it is read
    AwsIamUser nancy = inv.ofType(AwsIamUser.class).get(0);
    // THEN the values are as given and the ARN carries the path
    assertThat(nancy.arn()).contains("arn:aws:iam::111111111111:user/data/nancy");
    assertThat(nancy.path()).contains("/data/");
    assertThat(nancy.ctime()).contains(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(nancy.atime()).contains(NOW.minus(Duration.ofHours(5)));
    assertThat(nancy.passwordEnabled()).contains(false);
    assertThat(nancy.mfaActive()).contains(true);
    assertThat(nancy.tags()).isEqualTo(Map.of("team", "data"));
    assertThat(nancy.id()).matches("AIDA[A-Z2-7]{17}");
  }

  @Test
  void should_set_service_and_region_of_a_use_and_accept_instants_and_durations() {
    // GIVEN keys whose times are given in each of the accepted forms
    Instant at = Instant.parse("2025-11-01T10:00:00Z");
    Inventory inv = Fixtures.aws(CLOCK)
        .account("111111111111", a -> a.user("ci", u -> u
            .accessKey(k -> k.created(at.minusSeconds(60)).lastUsed(at, "s3", "eu-west-1"))
            .accessKey(k -> k.created(ago(Duration.ofMinutes(90))).lastUsed(hoursAgo(1), "sts", "us-east-1"))
            .accessKey(k -> k.lastUsed(daysAgo(1)).unknownUse().inactive().active())))
        .build();
    // WHEN they are read
    List<AwsIamAccessKey> keys = inv.ofType(AwsIamAccessKey.class);
    // THEN each has the use it was given
    assertThat(keys.get(0).lastUse()).isEqualTo(new LastUse.Used(at, Optional.of("s3"), Optional.of("eu-west-1")));
    assertThat(keys.get(1).ctime()).contains(NOW.minus(Duration.ofMinutes(90)));
    assertThat(keys.get(1).accessKeyLastUsed()).contains(
        Map.of("last_used", NOW.minus(Duration.ofHours(1)), "service_name", "sts", "region", "us-east-1"));
    assertThat(keys.get(2).lastUse()).isSameAs(LastUse.unknown());
    assertThat(keys.get(2).accessKeyStatus()).contains(AccessKeyStatus.ACTIVE);
  }

  @Test
  void should_give_the_root_user_its_arn_as_id_in_every_account() {
    // GIVEN two accounts with a root user each, one with flags and a password use
    Inventory inv = Fixtures.aws(CLOCK)
        .account("111111111111", a -> a.rootUser())
        .account("222222222222", a -> a.rootUser(r -> r.mfaActive(true).passwordEnabled(false).passwordLastUsed(daysAgo(1))))
        .build();
    // WHEN the root users are read
    List<AwsRootUser> roots = inv.ofType(AwsRootUser.class);
    // THEN each has its account's root ARN as node id and the values it was given
    assertThat(roots).extracting(Resource::id)
        .containsExactly("arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root");
    assertThat(roots.get(0).passwordEnabled()).contains(true);
    assertThat(roots.get(0).mfaActive()).contains(false);
    assertThat(roots.get(1).mfaActive()).contains(true);
    assertThat(roots.get(1).passwordEnabled()).contains(false);
    assertThat(roots.get(1).atime()).contains(days(1));
    assertThat(inv.node("222222222222/global")).isPresent();
    assertThat(inv.successors("aws", EdgeType.DEFAULT)).hasSize(2);
  }

  @Test
  void should_generate_deterministic_realistic_ids_unique_across_the_inventory() {
    // GIVEN the same user with keys in two accounts, built twice
    Fixtures.AwsBuilder builder = Fixtures.aws(CLOCK);
    for (String account : List.of("111111111111", "222222222222")) {
      builder.account(account, a -> a
          .user("ci", u -> u.accessKey(k -> { }).accessKey(k -> { }).accessKey(k -> { }))
          .rootUser(r -> r.accessKey(k -> { }))
          .group("admins", g -> g.path("/ops/").created(daysAgo(10)))
          .role("deployer", r -> r.path("/ci/").tag("env", "prod").created(Instant.parse("2024-01-01T00:00:00Z"))));
    }
    Inventory first = builder.build();
    Inventory second = builder.build();
    // WHEN the ids are compared
    List<String> keyIds = first.ofKind("access_key").stream().map(Resource::id).toList();
    // THEN keys are AKIA + 16, all distinct, and a second build gives the same inventory
    assertThat(keyIds).hasSize(8).doesNotHaveDuplicates().allMatch(id -> id.matches("AKIA[A-Z2-7]{16}"));
    assertThat(first.ofType(AwsIamUser.class)).extracting(Resource::id).doesNotHaveDuplicates();
    assertThat(first.ofType(AwsIamGroup.class)).allMatch(g -> g.id().matches("AGPA[A-Z2-7]{17}"))
        .extracting(g -> g.arn().orElseThrow())
        .containsExactly("arn:aws:iam::111111111111:group/ops/admins", "arn:aws:iam::222222222222:group/ops/admins");
    assertThat(first.ofType(AwsIamRole.class)).allMatch(r -> r.id().matches("AROA[A-Z2-7]{17}"))
        .extracting(r -> r.arn().orElseThrow())
        .containsExactly("arn:aws:iam::111111111111:role/ci/deployer", "arn:aws:iam::222222222222:role/ci/deployer");
    assertThat(second).isEqualTo(first);
    assertThat(second.ofKind("access_key").stream().map(Resource::id).toList()).isEqualTo(keyIds);
  }

  @Test
  void should_not_generate_an_id_that_was_given_explicitly() {
    // GIVEN an explicit id equal to the one the first generated key would get
    String generated = Fixtures.aws(CLOCK)
        .account("111111111111", a -> a.user("ci", u -> u.accessKey(k -> { })))
        .build().ofKind("access_key").get(0).id();
    // WHEN another user claims that id explicitly, declared after the generated key
    Inventory inv = Fixtures.aws(CLOCK)
        .account("111111111111", a -> a
            .user("ci", u -> u.accessKey(k -> { }))
            .user("other", u -> u.accessKey(generated, k -> { })))
        .build();
    // THEN the explicit key keeps it and the generated one gets another
    List<String> ids = inv.ofKind("access_key").stream().map(Resource::id).toList();
    assertThat(ids).doesNotHaveDuplicates().contains(generated);
    assertThat(ids.get(0)).isNotEqualTo(generated).matches("AKIA[A-Z2-7]{16}");
  }
}
