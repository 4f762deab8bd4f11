package dev.inventory.aws.fake;

import static dev.inventory.aws.fake.FakeClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ReportStateType;

class FakeCredentialReportTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private FakeIam fake;
  private FakeAccount acct;
  private IamClient iam;

  @BeforeEach
  void start() {
    Clock clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    fake = FakeIam.builder().clock(clock).start();
    acct = fake.account("111111111111");
    iam = FakeClients.iam(fake, acct.credentials());
  }

  @AfterEach
  void stop() {
    iam.close();
    fake.close();
  }

  @Test
  void should_have_no_report_before_generation() {
    CredentialReportNotPresentException e =
        catchThrowableOfType(CredentialReportNotPresentException.class, iam::getCredentialReport);
    assertThat(e.statusCode()).isEqualTo(410);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
  }

  @Test
  void should_go_through_started_inprogress_complete() {
    fake.reportGenerationPolls(2);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
    assertThat(iam.getCredentialReport().generatedTime()).isEqualTo(NOW);
  }

  @Test
  void should_not_be_ready_while_generating() {
    fake.reportGenerationPolls(1);
    iam.generateCredentialReport();
    CredentialReportNotReadyException e =
        catchThrowableOfType(CredentialReportNotReadyException.class, iam::getCredentialReport);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportInProgress");
    // that Get used up the last poll: the next one completes the report
    assertThat(iam.getCredentialReport().reportFormatAsString()).isEqualTo("text/csv");
  }

  @Test
  void should_write_the_csv_with_root_first_and_sentinels() {
    acct.root().created(Instant.parse("2019-03-01T10:00:00Z")).passwordLastUsed(Instant.parse("2025-10-01T08:00:00Z"))
        .mfaActive(true);
    FakeUser alice = acct.addUser("alice", "/", "AIDAFAKEALICE0000001", Instant.parse("2020-01-02T03:04:05Z"));
    alice.passwordEnabled(true);
    alice.addKey("AKIAFAKEALICE0000002", Instant.parse("2024-05-01T00:00:00Z")).status("Inactive");
    alice.addKey("AKIAFAKEALICE0000001", Instant.parse("2020-01-02T03:06:00Z"))
        .lastUsed(Instant.parse("2025-11-20T12:00:00Z"), "s3", "N/A");
    acct.addUser("bob", "/", "AIDAFAKEBOB000000001", Instant.parse("2021-06-01T00:00:00Z"));

    GetCredentialReportResponse r = completedReport();

    List<String> lines = r.content().asUtf8String().lines().toList();
    assertThat(lines.get(0).split(",")).hasSize(22);
    assertThat(lines.get(0)).startsWith("user,arn,user_creation_time,password_enabled,")
        .endsWith(",cert_2_active,cert_2_last_rotated");
    assertThat(lines).containsExactly(
        lines.get(0),
        "<root_account>,arn:aws:iam::111111111111:root,2019-03-01T10:00:00+00:00,not_supported,"
            + "2025-10-01T08:00:00+00:00,not_supported,not_supported,true,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
        "alice,arn:aws:iam::111111111111:user/alice,2020-01-02T03:04:05+00:00,true,no_information,"
            + "2020-01-02T03:04:05+00:00,N/A,false,"
            + "true,2020-01-02T03:06:00+00:00,2025-11-20T12:00:00+00:00,N/A,s3,"
            + "false,2024-05-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A",
        "bob,arn:aws:iam::111111111111:user/bob,2021-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
  }

  @Test
  void should_have_the_report_ready_at_once_unless_the_life_cycle_is_asked_for() {
    acct.user("alice");
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
    assertThat(iam.getCredentialReport().content().asUtf8String()).contains("\nalice,");
    assertThat(fake.calls("GenerateCredentialReport")).hasSize(1);
  }

  @Test
  void should_reuse_a_fresh_report_and_expire_an_old_one() {
    fake.reportGenerationPolls(0);
    acct.user("alice");
    GetCredentialReportResponse first = completedReport();
    acct.user("bob");

    now.set(NOW.plus(Duration.ofHours(3)));
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
    assertThat(iam.getCredentialReport().content().asUtf8String()).isEqualTo(first.content().asUtf8String());

    now.set(NOW.plus(Duration.ofHours(5)));
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
    GetCredentialReportResponse second = completedReport();
    assertThat(second.generatedTime()).isEqualTo(NOW.plus(Duration.ofHours(5)));
    assertThat(second.content().asUtf8String()).contains("\nbob,");
  }

  @Test
  void should_answer_complete_at_once_for_a_report_generated_earlier() {
    // GIVEN a report taken an hour ago
    acct.user("alice");
    acct.credentialReportGenerated(NOW.minus(Duration.ofHours(1)));
    acct.user("bob");
    // WHEN / THEN
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
    GetCredentialReportResponse report = iam.getCredentialReport();
    assertThat(report.generatedTime()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(report.content().asUtf8String()).contains("\nalice,").doesNotContain("\nbob,");
  }

  @Test
  void should_answer_limit_exceeded_when_told() {
    fake.reportGenerationPolls(0);
    fake.generateCredentialReportLimitExceeded(1);
    LimitExceededException e = catchThrowableOfType(LimitExceededException.class, iam::generateCredentialReport);
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
  }

  private GetCredentialReportResponse completedReport() {
    for (int i = 0; i < 10; i++) {
      if (iam.generateCredentialReport().state() == ReportStateType.COMPLETE) {
        return iam.getCredentialReport();
      }
    }
    throw new AssertionError("the report did not complete in 10 polls");
  }
}
