package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.AccessKeyStatus;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.Outcome;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureException;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Fix Inventory export ({@code fix-aws-account.ndjson} from inventory-api's test resources: hash
 * graph ids, Fix's AWS property names) loaded with this module's typed kinds, and cleaned through
 * the loopback IAM fake: IAM gets the AccessKeyId, never the graph id.
 */
class FixExportCleanupTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String ALICE_OLD_KEY = "a5KBtCH5I0QvOSLudRlzMg";

  private final Fixture fixture = sample();
  private final Inventory inventory = fixture.inventory();
  private FakeIam fake;
  private AwsSession session;

  private static Fixture sample() {
    try (InputStream in = FixExportCleanupTest.class.getResourceAsStream("/dev/inventory/fixture/fix-aws-account.ndjson")) {
      return FixtureFormat.read(in, "fix-aws-account.ndjson");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void should_build_typed_aws_resources_whose_resource_ids_are_the_aws_ids() {
    // GIVEN the sample, read with the AWS kinds
    // WHEN
    AwsIamAccessKey key = (AwsIamAccessKey) inventory.node(ALICE_OLD_KEY).orElseThrow();
    // THEN
    assertThat(key.id()).isEqualTo(ALICE_OLD_KEY);
    assertThat(key.resourceId()).isEqualTo("AKIAQ3EGRALICE000001");
    assertThat(key.userName()).isEqualTo("alice");
    assertThat(key.accessKeyStatus()).contains(AccessKeyStatus.ACTIVE);
    assertThat(key.lastUse()).isEqualTo(new LastUse.Used(Instant.parse("2025-10-01T14:30:00Z"), Optional.of("s3"),
        Optional.of("eu-west-1")));
    assertThat(key.lastUsedExtras()).containsEntry("last_rotated", "2024-02-01T10:00:00Z");
    assertThat(inventory.ofType(AwsIamAccessKey.class)).hasSize(5);
    assertThat(inventory.ofType(AwsIamUser.class)).extracting(Resource::resourceId)
        .containsExactlyInAnyOrder("AIDAQ3EGRALICE000001", "AIDAQ3EGRBOB00000001", "AIDAQ3EGRCIDEPLOY001");
    AwsIamUser alice = inventory.ofType(AwsIamUser.class).stream()
        .filter(u -> u.name().equals(Optional.of("alice"))).findFirst().orElseThrow();
    assertThat(alice.arn()).contains("arn:aws:iam::111111111111:user/alice");
    assertThat(alice.atime()).contains(Instant.parse("2026-04-28T08:15:00Z"));
    assertThat(alice.additionalProperties()).containsEntry("username", "alice").doesNotContainKey("id");
    assertThat(inventory.ofType(AwsAccount.class)).singleElement().extracting(Resource::resourceId)
        .isEqualTo("111111111111");
    assertThat(inventory.ofType(AwsRootUser.class)).singleElement().extracting(Resource::resourceId).isEqualTo("root");
  }

  @Test
  void should_report_a_value_an_aws_factory_refuses_in_words_without_class_names() {
    // GIVEN a Fix line of a key whose owner's name is blank
    String line = "{\"id\":\"uHXAE17qju_3JW3V2CpjjA\",\"type\":\"node\",\"reported\":{\"kind\":\"aws_iam_access_key\","
        + "\"id\":\"AKIAQ3EGRALICE000009\",\"name\":\" \",\"access_key_status\":\"Active\"}}\n";
    // WHEN
    FixtureException e = catchThrowableOfType(FixtureException.class,
        () -> FixtureFormat.read(new StringReader(line), "export.ndjson"));
    // THEN
    assertThat(e.getMessage()).isEqualTo("export.ndjson:1: field reported: expected values that kind aws_iam_access_key "
        + "accepts, got values its factory refused (userName must not be blank)");
  }

  @Test
  void should_send_the_access_key_id_and_user_name_to_iam_when_cleaning_a_loaded_key() {
    // GIVEN the fake seeded from the export, and alice's old key marked by its graph id
    fake = FakeIam.builder().clock(CLOCK).seed(7L).start().seed(inventory);
    session = AwsTestSessions.fast(fake, "111111111111");
    StateStore state = StateStore.inMemory();
    state.update(ALICE_OLD_KEY, s -> s.withClean(Mark.of("unused for 180 days", NOW)));
    CleanupExecutor executor = CleanupExecutor.builder().withoutDiscovery()
        .config(CleanupConfig.builder().cleanup(true).dryRun(false).build())
        .clock(CLOCK)
        .cleaners(List.of(new IamAccessKeyCleaner(session)))
        .build();
    // WHEN
    CleanupReport report = executor.run(inventory, state);
    // THEN
    assertThat(report.node(ALICE_OLD_KEY).orElseThrow().outcome()).isEqualTo(Outcome.CLEANED);
    assertThat(fake.calls("DeleteAccessKey")).extracting(FakeCall::params).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("AccessKeyId", "AKIAQ3EGRALICE000001").containsEntry("UserName", "alice"));
    assertThat(fake.calls("GetAccessKeyLastUsed")).extracting(c -> c.params().get("AccessKeyId"))
        .containsExactly("AKIAQ3EGRALICE000001");
    assertThat(fake.account("111111111111").findKey("AKIAQ3EGRALICE000001")).isEmpty();
    assertThat(fake.account("111111111111").findKey("AKIAQ3EGRALICE000002")).isPresent();
    assertThat(state.get(ALICE_OLD_KEY).isCleaned()).isTrue();
  }
}
