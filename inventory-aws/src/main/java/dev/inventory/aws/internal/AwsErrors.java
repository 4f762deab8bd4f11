package dev.inventory.aws.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Classifies SDK exceptions by the AWS error code and HTTP status, never by exception class alone. */
public final class AwsErrors {
  private static final Set<String> THROTTLING = Set.of(
      "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled",
      "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
      "SlowDown", "PriorRequestNotComplete");

  private AwsErrors() {}

  /** The AWS error code ({@code AccessDenied}, {@code NoSuchEntity}, ...), or a stable stand-in for client-side failures. */
  public static String code(Throwable e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null) {
      return s.awsErrorDetails().errorCode();
    }
    if (e instanceof AwsServiceException s) {
      return "HTTP" + s.statusCode();
    }
    if (e instanceof SdkClientException) {
      return "ClientError";
    }
    return e.getClass().getSimpleName();
  }

  /** The service's message without the SDK's suffixes, or the exception's message. */
  public static String message(Throwable e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null) {
      return s.awsErrorDetails().errorMessage();
    }
    return String.valueOf(e.getMessage());
  }

  /** Whether the service asked us to slow down. */
  public static boolean isThrottling(Throwable e) {
    if (e instanceof AwsServiceException s) {
      return s.isThrottlingException() || s.statusCode() == 429 || THROTTLING.contains(code(e));
    }
    return false;
  }

  /** Whether trying again later may succeed: throttling, 5xx, or an I/O failure. */
  public static boolean isTransient(Throwable e) {
    if (isThrottling(e)) {
      return true;
    }
    if (e instanceof AwsServiceException s) {
      return s.statusCode() >= 500 && s.statusCode() <= 504;
    }
    if (e instanceof SdkClientException) {
      // I/O failures, and credentials that could not be loaded because STS (AssumeRole) was
      // throttled or failed with a 5xx: the SDK wraps those in a client exception.
      for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
        if (c instanceof IOException || c instanceof UncheckedIOException) {
          return true;
        }
        if (c instanceof AwsServiceException && isTransient(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the code says the entity does not exist. */
  public static boolean isNoSuchEntity(Throwable e) {
    return e instanceof SdkException && "NoSuchEntity".equals(code(e));
  }

  /** Whether the code says the caller may not do this. */
  public static boolean isAccessDenied(Throwable e) {
    String c = code(e);
    return "AccessDenied".equals(c) || "AccessDeniedException".equals(c) || "UnauthorizedOperation".equals(c);
  }
}
