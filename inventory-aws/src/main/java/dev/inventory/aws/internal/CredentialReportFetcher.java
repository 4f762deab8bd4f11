package dev.inventory.aws.internal;

import dev.inventory.aws.AwsAccountClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;

/**
 * Gets an account's credential report: {@code GenerateCredentialReport} until it says {@code
 * COMPLETE}, then {@code GetCredentialReport}, backing off (exponentially, from {@code initial} up
 * to {@code max}) while the report is {@code STARTED}/{@code INPROGRESS}, while {@code
 * GetCredentialReport} answers {@code ReportInProgress}, {@code ReportNotPresent} or {@code
 * ReportExpired}, and after {@code LimitExceeded}. AWS reuses a report for 4 hours, so asking again
 * within that time costs no new generation.
 */
public final class CredentialReportFetcher {
  /** Code of the failure when polling took longer than {@code giveUpAfter}. */
  public static final String TIMEOUT = "ReportTimeout";
  /** Code of the failure when the CSV could not be read. */
  public static final String MALFORMED = "ReportMalformed";

  private final Polling polling;
  private final TokenBucket.Sleeper sleeper;
  private final LongSupplier nanoTime;

  /**
   * How to poll.
   *
   * @param initial first wait
   * @param max longest wait between two polls
   * @param giveUpAfter total time after which the report counts as failed
   */
  public record Polling(Duration initial, Duration max, Duration giveUpAfter) {
    public Polling {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      Objects.requireNonNull(giveUpAfter, "giveUpAfter");
      if (initial.isNegative() || max.compareTo(initial) < 0 || giveUpAfter.isNegative()) {
        throw new IllegalArgumentException("report polling expects 0 <= initial <= max and giveUpAfter >= 0, got initial "
            + initial + ", max " + max + ", giveUpAfter " + giveUpAfter);
      }
    }
  }

  /** A report that could not be had, with the AWS error code (or {@link #TIMEOUT}, {@link #MALFORMED}). */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Failure(String code, String message, Throwable cause) {
      super(message, cause);
      this.code = code;
    }

    /** The AWS error code, {@link #TIMEOUT} or {@link #MALFORMED}. */
    public String code() {
      return code;
    }
  }

  /**
   * A fetched report.
   *
   * @param generatedTime when AWS generated it, if it said
   * @param polls how many times {@code GenerateCredentialReport} was called
   */
  public record Fetched(CredentialReport report, Instant generatedTime, int polls) {}

  public CredentialReportFetcher(Polling polling) {
    this(polling, TimeUnit.NANOSECONDS::sleep, System::nanoTime);
  }

  /** With its own sleeper and clock, for tests. */
  public CredentialReportFetcher(Polling polling, TokenBucket.Sleeper sleeper, LongSupplier nanoTime) {
    this.polling = Objects.requireNonNull(polling, "polling");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Fetches the report of the account behind {@code clients}.
   *
   * @param onState told each state: {@code STARTED}, {@code INPROGRESS}, {@code COMPLETE}, and the
   *     codes it waited out ({@code LimitExceeded}, {@code ReportInProgress}, ...)
   * @throws Failure when AWS refused, or the report did not come in time
   */
  public Fetched fetch(AwsAccountClients clients, Consumer<String> onState) {
    long start = nanoTime.getAsLong();
    long wait = polling.initial().toNanos();
    int polls = 0;
    String lastState = "none";
    while (true) {
      boolean complete = false;
      try {
        polls++;
        GenerateCredentialReportResponse gen =
            clients.call("GenerateCredentialReport", () -> clients.iam().generateCredentialReport());
        lastState = gen.stateAsString();
        onState.accept(lastState);
        complete = "COMPLETE".equals(lastState);
      } catch (SdkException e) {
        if (!"LimitExceeded".equals(AwsErrors.code(e))) {
          throw failure("GenerateCredentialReport", e);
        }
        lastState = "LimitExceeded";
        onState.accept(lastState);
      }
      if (complete) {
        try {
          GetCredentialReportResponse got =
              clients.call("GetCredentialReport", () -> clients.iam().getCredentialReport());
          CredentialReport report;
          try {
            report = CredentialReport.parse(got.content().asUtf8String());
          } catch (CredentialReportException e) {
            throw new Failure(MALFORMED, e.getMessage(), e);
          }
          return new Fetched(report, got.generatedTime(), polls);
        } catch (SdkException e) {
          String code = AwsErrors.code(e);
          if (!code.equals("ReportInProgress") && !code.equals("ReportNotPresent") && !code.equals("ReportExpired")) {
            throw failure("GetCredentialReport", e);
          }
          lastState = code;
          onState.accept(code);
        }
      }
      long elapsed = nanoTime.getAsLong() - start;
      long left = polling.giveUpAfter().toNanos() - elapsed;
      if (left <= 0) {
        throw new Failure(TIMEOUT, "the credential report was not ready after " + polling.giveUpAfter()
            + " (" + polls + " polls, last state " + lastState + ")", null);
      }
      sleep(Math.min(wait, left));
      wait = Math.min(polling.max().toNanos(), Math.max(1, wait * 2));
    }
  }

  private static Failure failure(String action, SdkException e) {
    return new Failure(AwsErrors.code(e), action + " failed: " + AwsErrors.message(e), e);
  }

  private void sleep(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      sleeper.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the credential report");
    }
  }
}
