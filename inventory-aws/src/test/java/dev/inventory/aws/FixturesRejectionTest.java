package dev.inventory.aws;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.aws.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mistakes in a hand-written fixture fail at once, naming what was wrong. */
class FixturesRejectionTest {

  @Test
  void should_reject_a_duplicate_account_id() {
    // GIVEN a fixture with one account
    Fixtures.AwsBuilder b = Fixtures.aws(CLOCK).account("111111111111", "prod", a -> { });
    // WHEN the account is added again / THEN
    assertThatThrownBy(() -> b.account("111111111111", "again", a -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("account 111111111111 is already in this fixture");
  }

  @Test
  void should_reject_an_account_id_that_is_not_twelve_digits() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("1111", a -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an AWS account id has 12 digits, got '1111'");
  }

  @Test
  void should_reject_a_duplicate_user_name_within_one_account() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("111111111111", a -> a.user("ci").user("ci")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("account 111111111111 already has a user named 'ci'");
  }

  @Test
  void should_allow_the_same_user_name_in_two_accounts() {
    // GIVEN / WHEN the same name in two accounts (the guide's multi-account organisation)
    // THEN both users are there
    org.assertj.core.api.Assertions.assertThat(Fixtures.aws(CLOCK)
            .account("111111111111", a -> a.user("ci"))
            .account("222222222222", a -> a.user("ci"))
            .build()
            .ofKind("user"))
        .hasSize(2);
  }

  @Test
  void should_reject_duplicate_groups_roles_and_root_users() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("111111111111", a -> a.group("g").group("g")))
        .hasMessage("account 111111111111 already has a group named 'g'");
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("111111111111", a -> a.role("r").role("r")))
        .hasMessage("account 111111111111 already has a role named 'r'");
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("111111111111", a -> a.rootUser().rootUser()))
        .hasMessage("account 111111111111 already has a root user");
  }

  @Test
  void should_reject_an_access_key_id_used_twice_even_across_accounts() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> Fixtures.aws(CLOCK)
            .account("111111111111", a -> a.user("ci", u -> u.accessKey("AKIAAAAAAAAAAAAAAAAA", k -> { })))
            .account("222222222222", a -> a.rootUser(r -> r.accessKey("AKIAAAAAAAAAAAAAAAAA", k -> { }))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("access key id AKIAAAAAAAAAAAAAAAAA (of the root user in account 222222222222) "
            + "is already used in this fixture");
  }

  @Test
  void should_reject_a_malformed_access_key_id() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> Fixtures.aws(CLOCK)
            .account("111111111111", a -> a.user("ci", u -> u.accessKey("AKIA-SHORT", k -> { }))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'AKIA-SHORT'")
        .hasMessageContaining("user ci in account 111111111111");
  }

  @Test
  void should_reject_a_key_used_before_it_was_created() {
    // GIVEN a key created 10 days ago but last used 20 days ago
    Fixtures.AwsBuilder b = Fixtures.aws(CLOCK).account("111111111111", a -> a.user("ci", u -> u
        .accessKey("AKIAAAAAAAAAAAAAAAAA", k -> k.created(daysAgo(10)).lastUsed(daysAgo(20)))));
    // WHEN it is built / THEN
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("access key AKIAAAAAAAAAAAAAAAAA of user ci in account 111111111111 was last used at "
            + "2025-12-12T00:00:00Z, before it was created at 2025-12-22T00:00:00Z");
  }

  @Test
  void should_reject_a_user_or_role_used_before_it_was_created() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> Fixtures.aws(CLOCK)
            .account("111111111111", a -> a.user("ci", u -> u.created(daysAgo(1)).passwordLastUsed(daysAgo(2))))
            .build())
        .hasMessageStartingWith("user ci in account 111111111111 was last used at");
    assertThatThrownBy(() -> Fixtures.aws(CLOCK)
            .account("111111111111", a -> a.role("r", r -> r.created(daysAgo(1)).lastUsed(daysAgo(2))))
            .build())
        .hasMessageStartingWith("role r in account 111111111111 was last used at");
  }

  @Test
  void should_reject_negative_times_ago_bad_names_and_bad_paths() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> daysAgo(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a time ago cannot be negative, got PT-24H");
    assertThatThrownBy(() -> Fixtures.ago(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("111111111111", a -> a.user("has space")))
        .hasMessage("an IAM user name has 1 to 128 letters, digits or +=,.@_-, got 'has space'");
    assertThatThrownBy(() -> Fixtures.aws(CLOCK).account("111111111111", a -> a.user("ci", u -> u.path("ci"))))
        .hasMessage("an IAM path starts and ends with '/', got 'ci'");
    assertThatThrownBy(() -> Fixtures.aws(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
  }
}
