package dev.inventory.aws.fake;

import static dev.inventory.aws.fake.FakeClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

class FakeIamFaultTest {
  private FakeIam fake;
  private FakeAccount acct;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(FakeClients.CLOCK).seed(42L).start();
    acct = fake.account("111111111111");
    for (int i = 0; i < 20; i++) {
      acct.user("user-" + i).tag("n", Integer.toString(i));
    }
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void should_throttle_and_fail_randomly_yet_let_retries_through_from_many_threads() throws Exception {
    fake.throttleFraction(0.3).serverErrorFraction(0.05);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (IamClient iam = FakeClients.iamFastRetries(fake, acct.credentials())) {
      List<Future<String>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String user = "user-" + (i % 20);
        answers.add(pool.submit(() -> iam.listUserTags(b -> b.userName(user)).tags().get(0).value()));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(Integer.toString(i % 20));
      }
    } finally {
      pool.shutdownNow();
    }
    List<FakeCall> calls = fake.calls("ListUserTags");
    assertThat(calls.stream().filter(FakeCall::succeeded)).hasSize(200);
    assertThat(calls).extracting(FakeCall::errorCode).contains("Throttling", "ServiceFailure");
    assertThat(calls).filteredOn(c -> "Throttling".equals(c.errorCode())).allMatch(c -> c.status() == 400);
    assertThat(calls).filteredOn(c -> "ServiceFailure".equals(c.errorCode())).allMatch(c -> c.status() == 500);
    assertThat(calls).anyMatch(c -> c.attempt() > 1);
  }

  @Test
  void should_fail_an_action_for_one_account_until_cleared() {
    FakeAccount other = fake.account("222222222222");
    fake.fail("ListUsers", "111111111111", 403, "AccessDenied");
    try (IamClient iam = FakeClients.iam(fake, acct.credentials());
        IamClient iam2 = FakeClients.iam(fake, other.credentials())) {
      IamException e = catchThrowableOfType(IamException.class, iam::listUsers);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(e.awsErrorDetails().errorMessage()).contains("iam:ListUsers");
      assertThat(iam2.listUsers().users()).isEmpty();
      assertThat(iam.listAccountAliases().accountAliases()).isEmpty();

      fake.clearFailures();
      assertThat(iam.listUsers().users()).hasSize(20);
    }
    assertThat(fake.calls("ListUsers")).extracting(FakeCall::accountId, FakeCall::status, FakeCall::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("111111111111", 403, "AccessDenied"),
            org.assertj.core.groups.Tuple.tuple("222222222222", 200, null),
            org.assertj.core.groups.Tuple.tuple("111111111111", 200, null));
  }

  @Test
  void should_throttle_above_the_rate_limit() {
    fake.rateLimit(3);
    try (IamClient iam = FakeClients.iam(fake, acct.credentials())) {
      // 4 calls in a row take far less than a second on loopback: the 4th is over the limit
      IamException throttled = null;
      for (int i = 0; i < 50 && throttled == null; i++) {
        try {
          iam.listAccountAliases();
        } catch (IamException e) {
          throttled = e;
        }
      }
      assertThat(throttled).isNotNull();
      assertThat(throttled.statusCode()).isEqualTo(400);
      assertThat(throttled.isThrottlingException()).isTrue();
      assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
    }
  }

  @Test
  void should_wait_the_latency_before_answering() {
    fake.latency(Duration.ofMillis(50));
    try (IamClient iam = FakeClients.iam(fake, acct.credentials())) {
      iam.listAccountAliases();
      long start = System.nanoTime();
      iam.listAccountAliases();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }
  }

  @Test
  void should_answer_invalid_action_to_an_unknown_action() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(fake.endpoint() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + acct.callerKeyId()
            + "/20260101/aws-global/iam/aws4_request, SignedHeaders=host, Signature=0")
        .POST(HttpRequest.BodyPublishers.ofString("Action=ListWidgets&Version=2010-05-08"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body()).contains("<Code>InvalidAction</Code>").contains("<Type>Sender</Type>")
        .contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">");
    FakeCall call = fake.calls().get(0);
    assertThat(call.action()).isEqualTo("ListWidgets");
    assertThat(call.errorCode()).isEqualTo("InvalidAction");
    assertThat(call.at()).isAfter(NOW);
    assertThat(call.at()).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void should_count_calls_by_action_and_forget_them() {
    try (IamClient iam = FakeClients.iam(fake, acct.credentials())) {
      iam.listUsers();
      iam.listUsers();
      iam.listAccountAliases();
    }
    assertThat(fake.callCount("ListUsers")).isEqualTo(2);
    assertThat(fake.callCounts()).containsEntry("ListUsers", 2L).containsEntry("ListAccountAliases", 1L);
    fake.clearCalls();
    assertThat(fake.calls()).isEmpty();
  }
}
