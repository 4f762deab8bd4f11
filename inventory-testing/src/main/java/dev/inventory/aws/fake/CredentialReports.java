package dev.inventory.aws.fake;

import java.time.Duration;
import java.time.Instant;

/**
 * The credential-report life cycle of one account. A generation runs for a number of polls: each
 * GenerateCredentialReport or GetCredentialReport made while it runs uses one up, and the poll
 * after the last one completes it, taking the CSV snapshot. Guarded by the account's lock.
 */
final class CredentialReports {
  /** A finished report. */
  record Report(String csv, Instant generated) {}

  private Report report;
  private boolean generating;
  private int pollsLeft;

  /** GenerateCredentialReport: STARTED, INPROGRESS or COMPLETE; at once COMPLETE when {@code polls} is negative. */
  String generate(FakeAccount account, int polls, Duration maxAge, Instant now) {
    synchronized (account) {
      if (generating) {
        return poll(account, now) ? "COMPLETE" : "INPROGRESS";
      }
      if (report != null && fresh(report, maxAge, now)) {
        return "COMPLETE";
      }
      if (polls < 0) {
        // No life cycle asked for: the report is ready at once.
        report = new Report(CredentialReportCsv.write(account), now);
        return "COMPLETE";
      }
      generating = true;
      pollsLeft = polls;
      return "STARTED";
    }
  }

  /** GetCredentialReport: the report, or a ReportNotPresent / ReportInProgress / ReportExpired error. */
  Report get(FakeAccount account, Duration maxAge, Instant now) {
    synchronized (account) {
      if (generating && !poll(account, now)) {
        throw new FakeError(404, "ReportInProgress",
            "Report generation in progress. Try again later.");
      }
      if (report == null) {
        throw new FakeError(410, "ReportNotPresent",
            "Credential report not present. Call GenerateCredentialReport to generate a report.");
      }
      if (!fresh(report, maxAge, now)) {
        throw new FakeError(410, "ReportExpired",
            "Credential report is expired. Call GenerateCredentialReport to generate a new report.");
      }
      return report;
    }
  }

  /** Finishes a report now, as if it had been generated at {@code at} (any generation running ends). */
  void generatedAt(FakeAccount account, Instant at) {
    synchronized (account) {
      report = new Report(CredentialReportCsv.write(account), at);
      generating = false;
      pollsLeft = 0;
    }
  }

  /** Uses up one poll; true when the generation completed with this one. */
  private boolean poll(FakeAccount account, Instant now) {
    if (pollsLeft > 0) {
      pollsLeft--;
      return false;
    }
    report = new Report(CredentialReportCsv.write(account), now);
    generating = false;
    return true;
  }

  private static boolean fresh(Report r, Duration maxAge, Instant now) {
    return Duration.between(r.generated(), now).compareTo(maxAge) < 0;
  }
}
