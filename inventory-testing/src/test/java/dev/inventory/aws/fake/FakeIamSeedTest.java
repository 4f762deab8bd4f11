package dev.inventory.aws.fake;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.aws.fake.FakeClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.Inventory;
import dev.inventory.aws.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

class FakeIamSeedTest {
  private static final Inventory INVENTORY = Fixtures.aws(FakeClients.CLOCK)
      .account("111111111111", "prod", a -> a
          .user("jenkins", u -> u
              .path("/ci/")
              .tag("team", "build")
              .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120), "s3", "eu-west-1"))
              .accessKey("AKIAJENKINS000000002", k -> k.created(daysAgo(30)).neverUsed().inactive()))
          .user("nancy", u -> u.passwordLastUsed(daysAgo(3)).mfaActive(true)
              .accessKey("AKIANANCY00000000001", k -> k.created(daysAgo(50))))
          .rootUser(r -> r.accessKey("AKIAROOT000000000001", k -> k.created(daysAgo(900)).lastUsed(daysAgo(10))))
          .group("admins")
          .role("deployer"))
      .account("222222222222", a -> a.user("lonely"))
      .build();

  private FakeIam fake;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(FakeClients.CLOCK).start();
    fake.seed(INVENTORY);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void should_show_seeded_users_keys_and_last_use_to_the_sdk() {
    FakeAccount prod = fake.account("111111111111");
    try (IamClient iam = FakeClients.iam(fake, prod.credentials())) {
      assertThat(iam.listAccountAliases().accountAliases()).containsExactly("prod");
      List<User> users = iam.listUsers().users();
      assertThat(users).extracting(User::userName).containsExactly("jenkins", "nancy");
      User jenkins = users.get(0);
      assertThat(jenkins.path()).isEqualTo("/ci/");
      assertThat(jenkins.arn()).isEqualTo("arn:aws:iam::111111111111:user/ci/jenkins");
      assertThat(jenkins.userId()).startsWith("AIDA");
      assertThat(users.get(1).passwordLastUsed()).isEqualTo(NOW.minus(Duration.ofDays(3)));
      assertThat(iam.listUserTags(b -> b.userName("jenkins")).tags())
          .extracting(t -> Map.entry(t.key(), t.value())).containsExactly(Map.entry("team", "build"));

      List<AccessKeyMetadata> keys = iam.listAccessKeys(b -> b.userName("jenkins")).accessKeyMetadata();
      assertThat(keys).extracting(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::status).containsExactly(
          org.assertj.core.groups.Tuple.tuple("AKIAJENKINS000000001", StatusType.ACTIVE),
          org.assertj.core.groups.Tuple.tuple("AKIAJENKINS000000002", StatusType.INACTIVE));
      assertThat(keys.get(0).createDate()).isEqualTo(NOW.minus(Duration.ofDays(400)));

      AccessKeyLastUsed used = iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAJENKINS000000001")).accessKeyLastUsed();
      assertThat(used.lastUsedDate()).isEqualTo(NOW.minus(Duration.ofDays(120)));
      assertThat(used.serviceName()).isEqualTo("s3");
      assertThat(used.region()).isEqualTo("eu-west-1");
      AccessKeyLastUsed never = iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAJENKINS000000002")).accessKeyLastUsed();
      assertThat(never.lastUsedDate()).isNull();
      // unknown use in the fixture: IAM will not tell it (denied), as when a collect cannot know it
      assertThat(fake.account("111111111111").findKey("AKIANANCY00000000001").orElseThrow().useUnknown()).isTrue();
      assertThatThrownBy(() -> iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIANANCY00000000001")))
          .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
  }

  @Test
  void should_put_the_root_key_in_the_report_and_keep_accounts_apart() {
    FakeAccount prod = fake.account("111111111111");
    assertThat(prod.root().keys()).extracting(FakeKey::id).containsExactly("AKIAROOT000000000001");
    assertThat(prod.findUser("nancy").orElseThrow().mfaActive()).isTrue();
    try (IamClient iam = FakeClients.iam(fake, prod.credentials())) {
      fake.reportGenerationPolls(0);
      assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
      assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
      List<String> lines = iam.getCredentialReport().content().asUtf8String().lines().toList();
      String root = lines.get(1);
      assertThat(root).startsWith("<root_account>,arn:aws:iam::111111111111:root,");
      String[] cells = root.split(",");
      assertThat(cells[8]).isEqualTo("true");
      assertThat(cells[9]).isEqualTo(CredentialReportCsv.date(NOW.minus(Duration.ofDays(900))));
      assertThat(cells[10]).isEqualTo(CredentialReportCsv.date(NOW.minus(Duration.ofDays(10))));
      assertThat(lines).hasSize(4);
      // nancy's key, whose use is unknown, has no creation time in its slot: the report cannot place it
      assertThat(lines.get(3)).startsWith("nancy,");
      assertThat(lines.get(3).split(",")[9]).isEqualTo("N/A");
    }
    FakeAccount other = fake.account("222222222222");
    assertThat(other.alias()).isEmpty();
    assertThat(other.users()).extracting(FakeUser::name).containsExactly("lonely");
  }

  @Test
  void should_refuse_to_seed_the_same_users_twice() {
    assertThatThrownBy(() -> fake.seed(INVENTORY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jenkins");
  }
}
