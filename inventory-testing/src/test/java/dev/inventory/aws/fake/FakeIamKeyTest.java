package dev.inventory.aws.fake;

import static dev.inventory.aws.fake.FakeClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

class FakeIamKeyTest {
  private FakeIam fake;
  private FakeAccount acct;
  private IamClient iam;
  private FakeUser alice;
  private FakeKey key;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(FakeClients.CLOCK).start();
    acct = fake.account("111111111111");
    iam = FakeClients.iam(fake, acct.credentials());
    alice = acct.user("alice");
    key = alice.addKey("AKIAFAKEALICE0000001", NOW.minus(Duration.ofDays(400)));
  }

  @AfterEach
  void stop() {
    iam.close();
    fake.close();
  }

  @Test
  void should_deactivate_a_key() {
    iam.updateAccessKey(b -> b.userName("alice").accessKeyId(key.id()).status(StatusType.INACTIVE));
    assertThat(key.status()).isEqualTo("Inactive");
    assertThat(iam.listAccessKeys(b -> b.userName("alice")).accessKeyMetadata().get(0).status())
        .isEqualTo(StatusType.INACTIVE);
    // the same status again is fine
    iam.updateAccessKey(b -> b.userName("alice").accessKeyId(key.id()).status(StatusType.INACTIVE));
    assertThat(key.status()).isEqualTo("Inactive");
  }

  @Test
  void should_reject_a_bad_status() {
    IamException e = catchThrowableOfType(IamException.class,
        () -> iam.updateAccessKey(b -> b.userName("alice").accessKeyId(key.id()).status("Bogus")));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(key.status()).isEqualTo("Active");
  }

  @Test
  void should_delete_a_key_and_log_the_call() {
    iam.deleteAccessKey(b -> b.userName("alice").accessKeyId(key.id()));

    assertThat(key.deleted()).isTrue();
    assertThat(alice.keys()).isEmpty();
    assertThat(acct.findKey(key.id())).isEmpty();
    FakeCall call = fake.calls("DeleteAccessKey").get(0);
    assertThat(call.accountId()).isEqualTo("111111111111");
    assertThat(call.params()).containsEntry("UserName", "alice").containsEntry("AccessKeyId", key.id());
    assertThat(call.status()).isEqualTo(200);
    assertThat(call.errorCode()).isNull();
    assertThat(call.attempt()).isEqualTo(1);
  }

  @Test
  void should_answer_not_found_when_deleting_a_missing_key() {
    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.deleteAccessKey(b -> b.userName("alice").accessKeyId("AKIAFAKEMISSING00001")));
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(e.awsErrorDetails().errorMessage()).contains("AKIAFAKEMISSING00001");
    FakeCall call = fake.calls("DeleteAccessKey").get(0);
    assertThat(call.status()).isEqualTo(404);
    assertThat(call.errorCode()).isEqualTo("NoSuchEntity");
  }

  @Test
  void should_not_delete_without_user_name() {
    // Without UserName IAM acts on the caller's own keys, and the fake's caller has none.
    catchThrowableOfType(NoSuchEntityException.class, () -> iam.deleteAccessKey(b -> b.accessKeyId(key.id())));
    assertThat(key.deleted()).isFalse();
  }

  @Test
  void should_refuse_to_delete_a_user_with_keys_then_delete_it() {
    DeleteConflictException e = catchThrowableOfType(DeleteConflictException.class,
        () -> iam.deleteUser(b -> b.userName("alice")));
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
    assertThat(acct.findUser("alice")).isPresent();

    iam.deleteAccessKey(b -> b.userName("alice").accessKeyId(key.id()));
    iam.deleteUser(b -> b.userName("alice"));

    assertThat(acct.findUser("alice")).isEmpty();
    assertThat(iam.listUsers().users()).isEmpty();
  }

  @Test
  void should_detach_what_blocks_user_deletion() {
    alice.removeKey(key);
    alice.passwordEnabled(true).mfaActive(true).addToGroup("admins")
        .attachPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess").putInlinePolicy("inline-1");

    assertThat(iam.listGroupsForUser(b -> b.userName("alice")).groups()).extracting(g -> g.groupName())
        .containsExactly("admins");
    assertThat(iam.listAttachedUserPolicies(b -> b.userName("alice")).attachedPolicies())
        .extracting(p -> p.policyName()).containsExactly("ReadOnlyAccess");
    assertThat(iam.listUserPolicies(b -> b.userName("alice")).policyNames()).containsExactly("inline-1");
    String serial = iam.listMFADevices(b -> b.userName("alice")).mfaDevices().get(0).serialNumber();
    catchThrowableOfType(DeleteConflictException.class, () -> iam.deleteUser(b -> b.userName("alice")));

    iam.deleteLoginProfile(b -> b.userName("alice"));
    iam.removeUserFromGroup(b -> b.userName("alice").groupName("admins"));
    iam.detachUserPolicy(b -> b.userName("alice").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    iam.deleteUserPolicy(b -> b.userName("alice").policyName("inline-1"));
    iam.deactivateMFADevice(b -> b.userName("alice").serialNumber(serial));
    iam.deleteUser(b -> b.userName("alice"));

    assertThat(acct.findUser("alice")).isEmpty();
    NoSuchEntityException again = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.deleteLoginProfile(b -> b.userName("alice")));
    assertThat(again.statusCode()).isEqualTo(404);
  }
}
