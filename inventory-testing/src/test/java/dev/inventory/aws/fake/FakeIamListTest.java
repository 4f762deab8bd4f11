package dev.inventory.aws.fake;

import static dev.inventory.aws.fake.FakeClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

class FakeIamListTest {
  private FakeIam fake;
  private FakeAccount acct;
  private IamClient iam;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(FakeClients.CLOCK).start();
    acct = fake.account("111111111111");
    iam = FakeClients.iam(fake, acct.credentials());
  }

  @AfterEach
  void stop() {
    iam.close();
    fake.close();
  }

  private List<String> addUsers(int n) {
    List<String> names = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> names.add(acct.user(String.format("user-%03d", i)).name()));
    return names;
  }

  @ParameterizedTest(name = "MaxItems {0}, short pages {1}")
  @CsvSource({"100, false, 3", "1000, false, 1", "100, true, 5", "7, true, 63"})
  void should_list_every_user_once_in_order_over_pages(int maxItems, boolean shortPages, int pages) {
    // GIVEN
    List<String> names = addUsers(250);
    fake.shortPages(shortPages);
    // WHEN
    List<String> listed = iam.listUsersPaginator(ListUsersRequest.builder().maxItems(maxItems).build())
        .users().stream().map(User::userName).toList();
    // THEN
    assertThat(listed).containsExactlyElementsOf(names);
    assertThat(fake.callCount("ListUsers")).isEqualTo(pages);
    assertThat(fake.calls("ListUsers").get(0).params()).containsEntry("MaxItems", Integer.toString(maxItems));
  }

  @Test
  void should_mark_only_truncated_pages() {
    addUsers(3);
    ListUsersResponse first = iam.listUsers(b -> b.maxItems(2));
    ListUsersResponse last = iam.listUsers(b -> b.maxItems(2).marker(first.marker()));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.marker()).isNotBlank();
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();
    assertThat(last.users()).extracting(User::userName).containsExactly("user-002");
  }

  @Test
  void should_return_user_fields_and_filter_by_path() {
    FakeUser bot = acct.addUser("deploy-bot", "/ci/", "AIDAEXAMPLEDEPLOY0001", NOW.minus(Duration.ofDays(10)));
    bot.passwordLastUsed(NOW.minus(Duration.ofDays(1)));
    acct.user("alice");
    List<User> users = iam.listUsers(b -> b.pathPrefix("/ci/")).users();
    assertThat(users).hasSize(1);
    User u = users.get(0);
    assertThat(u.userName()).isEqualTo("deploy-bot");
    assertThat(u.userId()).isEqualTo("AIDAEXAMPLEDEPLOY0001");
    assertThat(u.path()).isEqualTo("/ci/");
    assertThat(u.arn()).isEqualTo("arn:aws:iam::111111111111:user/ci/deploy-bot");
    assertThat(u.createDate()).isEqualTo(NOW.minus(Duration.ofDays(10)));
    assertThat(u.passwordLastUsed()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(u.hasTags()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"0", "1001"})
  void should_reject_max_items_out_of_range(int maxItems) {
    IamException e = catchThrowableOfType(IamException.class, () -> iam.listUsers(b -> b.maxItems(maxItems)));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage()).contains("maxItems");
  }

  @Test
  void should_reject_a_marker_it_did_not_issue() {
    addUsers(5);
    IamException e = catchThrowableOfType(IamException.class, () -> iam.listUsers(b -> b.marker("TGlzdFVzZXJzOjI=")));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }

  @Test
  void should_list_account_alias_and_user_tags_sorted() {
    acct.alias("prod");
    acct.user("alice").tag("team", "data").tag("owner", "bob").tag("empty", "");
    assertThat(iam.listAccountAliases().accountAliases()).containsExactly("prod");
    assertThat(iam.listUserTags(b -> b.userName("alice")).tags())
        .extracting(Tag::key, Tag::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("empty", ""),
            org.assertj.core.groups.Tuple.tuple("owner", "bob"),
            org.assertj.core.groups.Tuple.tuple("team", "data"));
    assertThat(iam.getUser(b -> b.userName("alice")).user().tags()).hasSize(3);
    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.listUserTags(b -> b.userName("nobody")));
    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void should_list_keys_of_the_named_user_only() {
    FakeUser alice = acct.user("alice");
    alice.addKey("AKIAFAKEALICE0000001", NOW.minus(Duration.ofDays(300)));
    alice.addKey("AKIAFAKEALICE0000002", NOW.minus(Duration.ofDays(100))).status("Inactive");
    acct.user("bob").addKey("AKIAFAKEBOB000000001", NOW);
    List<AccessKeyMetadata> keys = iam.listAccessKeys(b -> b.userName("alice")).accessKeyMetadata();
    assertThat(keys).extracting(AccessKeyMetadata::accessKeyId)
        .containsExactly("AKIAFAKEALICE0000001", "AKIAFAKEALICE0000002");
    assertThat(keys).extracting(AccessKeyMetadata::status).containsExactly(StatusType.ACTIVE, StatusType.INACTIVE);
    assertThat(keys.get(0).createDate()).isEqualTo(NOW.minus(Duration.ofDays(300)));
    assertThat(keys.get(0).userName()).isEqualTo("alice");
    // the caller's own keys: the fake's caller has none
    assertThat(iam.listAccessKeys().accessKeyMetadata()).isEmpty();
  }

  @Test
  void should_answer_not_found_for_a_key_of_another_user() {
    acct.user("alice");
    acct.user("bob").addKey("AKIAFAKEBOB000000001", NOW);
    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.updateAccessKey(b -> b.userName("alice").accessKeyId("AKIAFAKEBOB000000001").status("Inactive")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(acct.findKey("AKIAFAKEBOB000000001").orElseThrow().status()).isEqualTo("Active");
  }

  @Test
  void should_report_last_use_and_never_used_keys() {
    FakeUser alice = acct.user("alice");
    alice.addKey("AKIAFAKEALICE0000001", NOW.minus(Duration.ofDays(300)))
        .lastUsed(NOW.minus(Duration.ofDays(3)), "s3", "eu-west-1");
    alice.addKey("AKIAFAKEALICE0000002", NOW.minus(Duration.ofDays(100)));

    GetAccessKeyLastUsedResponse used = iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAFAKEALICE0000001"));
    GetAccessKeyLastUsedResponse never = iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAFAKEALICE0000002"));

    assertThat(used.userName()).isEqualTo("alice");
    assertThat(used.accessKeyLastUsed().lastUsedDate()).isEqualTo(NOW.minus(Duration.ofDays(3)));
    assertThat(used.accessKeyLastUsed().serviceName()).isEqualTo("s3");
    assertThat(used.accessKeyLastUsed().region()).isEqualTo("eu-west-1");
    assertThat(never.accessKeyLastUsed().lastUsedDate()).isNull();
    assertThat(never.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
    assertThat(never.accessKeyLastUsed().region()).isEqualTo("N/A");
  }

  @Test
  void should_validate_access_key_id() {
    IamException missing = catchThrowableOfType(IamException.class, () -> iam.getAccessKeyLastUsed(b -> { }));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(missing.awsErrorDetails().errorMessage()).contains("accessKeyId");
    NoSuchEntityException unknown = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAFAKENOBODY000001")));
    assertThat(unknown.statusCode()).isEqualTo(404);
  }
}
