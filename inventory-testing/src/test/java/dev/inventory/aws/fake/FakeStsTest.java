package dev.inventory.aws.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class FakeStsTest {
  private FakeIam fake;
  private FakeAccount hub;
  private FakeAccount prod;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(FakeClients.CLOCK).start();
    hub = fake.account("111111111111");
    prod = fake.account("222222222222").alias("prod");
    prod.user("only-in-prod");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void should_tell_each_account_by_its_credentials() {
    try (StsClient a = FakeClients.sts(fake, hub.credentials());
        StsClient b = FakeClients.sts(fake, prod.credentials())) {
      GetCallerIdentityResponse ia = a.getCallerIdentity();
      GetCallerIdentityResponse ib = b.getCallerIdentity();
      assertThat(ia.account()).isEqualTo("111111111111");
      assertThat(ia.arn()).isEqualTo("arn:aws:iam::111111111111:user/fake-caller");
      assertThat(ib.account()).isEqualTo("222222222222");
      assertThat(fake.calls("GetCallerIdentity")).extracting(FakeCall::accountId)
          .containsExactly("111111111111", "222222222222");
    }
  }

  @Test
  void should_assume_a_role_into_another_account() {
    try (StsClient sts = FakeClients.sts(fake, hub.credentials())) {
      AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/inventory-reader")
          .roleSessionName("inventory"));

      assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
      assertThat(r.credentials().expiration()).isNotNull();
      assertThat(r.assumedRoleUser().arn())
          .isEqualTo("arn:aws:sts::222222222222:assumed-role/inventory-reader/inventory");
      var creds = StaticCredentialsProvider.create(AwsSessionCredentials.create(
          r.credentials().accessKeyId(), r.credentials().secretAccessKey(), r.credentials().sessionToken()));
      try (StsClient assumed = FakeClients.sts(fake, creds); IamClient iam = FakeClients.iam(fake, creds)) {
        assertThat(assumed.getCallerIdentity().account()).isEqualTo("222222222222");
        assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("only-in-prod");
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("prod");
      }
    }
  }

  @Test
  void should_require_the_external_id_when_set() {
    prod.requireExternalId("ext-1");
    try (StsClient sts = FakeClients.sts(fake, hub.credentials())) {
      StsException denied = catchThrowableOfType(StsException.class, () -> sts.assumeRole(
          b -> b.roleArn("arn:aws:iam::222222222222:role/reader").roleSessionName("s1")));
      StsException wrong = catchThrowableOfType(StsException.class, () -> sts.assumeRole(
          b -> b.roleArn("arn:aws:iam::222222222222:role/reader").roleSessionName("s1").externalId("ext-2")));
      AssumeRoleResponse ok = sts.assumeRole(
          b -> b.roleArn("arn:aws:iam::222222222222:role/reader").roleSessionName("s1").externalId("ext-1"));

      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(ok.credentials().accessKeyId()).startsWith("ASIA");
    }
  }

  @Test
  void should_deny_a_role_of_an_unknown_account_and_unknown_callers() {
    try (StsClient sts = FakeClients.sts(fake, hub.credentials())) {
      StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRole(
          b -> b.roleArn("arn:aws:iam::999999999999:role/reader").roleSessionName("s1")));
      assertThat(e.statusCode()).isEqualTo(403);
    }
    var stranger = StaticCredentialsProvider.create(
        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDUNKNOWN000000000", "x"));
    try (StsClient sts = FakeClients.sts(fake, stranger)) {
      StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
      assertThat(fake.calls("GetCallerIdentity").get(0).accountId()).isNull();
    }
  }
}
