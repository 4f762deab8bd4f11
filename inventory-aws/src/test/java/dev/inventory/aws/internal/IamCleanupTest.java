package dev.inventory.aws.internal;

import static dev.inventory.aws.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsIamUser;
import dev.inventory.aws.Fixtures;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.ResourceGoneException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.IamException;

class IamCleanupTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final Inventory inv = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("alice", u -> u.accessKey("AKIAALICE00000000001", k -> k.lastUsed(daysAgo(100))))
          .rootUser(r -> r.accessKey("AKIAROOT000000000001", k -> k.neverUsed())))
      .account("222222222222", a -> a.user("bob", u -> u.accessKey("AKIABOB0000000000001", k -> k.neverUsed())))
      .build();

  private static SdkException error(int status, String code, String message) {
    return IamException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .message(message).build();
  }

  @Test
  void should_find_the_account_of_a_key_and_of_a_user_from_their_aws_account_ancestor() {
    Resource alice = inv.ofType(AwsIamUser.class).stream().filter(u -> u.name().orElseThrow().equals("alice")).findFirst()
        .orElseThrow();
    assertThat(IamCleanup.accountId(inv, inv.node("AKIAALICE00000000001").orElseThrow(), Optional.empty()))
        .isEqualTo("111111111111");
    assertThat(IamCleanup.accountId(inv, inv.node("AKIABOB0000000000001").orElseThrow(), Optional.empty()))
        .isEqualTo("222222222222");
    assertThat(IamCleanup.accountId(inv, alice, Optional.empty())).isEqualTo("111111111111");
  }

  @Test
  void should_fall_back_on_the_arn_or_the_synthetic_root_key_id_outside_the_snapshot() {
    AwsIamAccessKey root = AwsIamAccessKey.builder("333333333333:root:access_key_1", "root").build();
    AwsIamAccessKey stray = AwsIamAccessKey.builder("AKIASTRAY00000000001", "x").build();
    assertThat(IamCleanup.accountId(inv, root, Optional.empty())).isEqualTo("333333333333");
    assertThat(IamCleanup.accountId(inv, stray, Optional.of("arn:aws:iam::444444444444:user/x")))
        .isEqualTo("444444444444");
    assertThatThrownBy(() -> IamCleanup.accountId(inv, stray, Optional.empty()))
        .isInstanceOf(CleanupActionException.class)
        .hasMessage("aws_iam_access_key AKIASTRAY00000000001 has no aws_account ancestor over default edges in the"
            + " snapshot, so its account is not known");
  }

  @Test
  void should_tell_root_keys_by_their_owner_or_synthetic_id() {
    assertThat(IamCleanup.isRootKey(inv, inv.node("AKIAROOT000000000001").orElseThrow())).isTrue();
    assertThat(IamCleanup.isRootKey(inv, inv.node("AKIAALICE00000000001").orElseThrow())).isFalse();
    assertThat(IamCleanup.isRootKey(inv, AwsIamAccessKey.builder("111111111111:root:access_key_2", "root").build()))
        .isTrue();
  }

  @Test
  void should_turn_no_such_entity_into_gone() {
    CleanupActionException e = IamCleanup.failure("DeleteAccessKey", "access key AKIA1",
        error(404, "NoSuchEntity", "The Access Key with id AKIA1 cannot be found."));
    assertThat(e).isInstanceOf(ResourceGoneException.class)
        .hasMessage("DeleteAccessKey says access key AKIA1 no longer exists (NoSuchEntity: The Access Key with id AKIA1"
            + " cannot be found.)");
  }

  @Test
  void should_turn_access_denied_into_a_permanent_failure_with_code_and_message() {
    CleanupActionException e = IamCleanup.failure("DeleteAccessKey", "access key AKIA1",
        error(403, "AccessDenied", "User: x is not authorized to perform: iam:DeleteAccessKey"));
    assertThat(e).isNotInstanceOf(ResourceGoneException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e).hasMessage("DeleteAccessKey on access key AKIA1 was denied: AccessDenied: User: x is not authorized"
        + " to perform: iam:DeleteAccessKey");
  }

  @Test
  void should_make_throttling_5xx_and_io_errors_retryable_and_other_errors_permanent() {
    assertThat(IamCleanup.failure("A", "t", error(400, "Throttling", "Rate exceeded")).retryable()).isTrue();
    assertThat(IamCleanup.failure("A", "t", error(500, "ServiceFailure", "boom")).retryable()).isTrue();
    assertThat(IamCleanup.failure("A", "t", SdkClientException.builder().message("io")
        .cause(new java.io.IOException("reset")).build()).retryable()).isTrue();
    CleanupActionException limit = IamCleanup.failure("A", "t", error(409, "LimitExceeded", "too many"));
    assertThat(limit.retryable()).isFalse();
    assertThat(limit).hasMessage("A on t failed: LimitExceeded: too many");
  }

  @Test
  void should_follow_markers_while_truncated_even_on_short_pages() {
    record Page(List<Integer> items, Boolean truncated, String marker) {}
    List<String> asked = new ArrayList<>();
    List<Integer> all = IamCleanup.allPages(m -> {
      asked.add(String.valueOf(m));
      return switch (String.valueOf(m)) {
        case "null" -> new Page(List.of(1, 2), true, "b");
        case "b" -> new Page(List.of(), true, "c");
        default -> new Page(List.of(3), false, null);
      };
    }, Page::items, Page::truncated, Page::marker);
    assertThat(all).containsExactly(1, 2, 3);
    assertThat(asked).containsExactly("null", "b", "c");
  }
}
