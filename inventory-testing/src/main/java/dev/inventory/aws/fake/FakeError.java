package dev.inventory.aws.fake;

/** An error answer: HTTP status, IAM error code and message. Thrown inside the fake only. */
final class FakeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  FakeError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static FakeError validation(String message) {
    return new FakeError(400, "ValidationError", message);
  }

  static FakeError noSuchEntity(String message) {
    return new FakeError(404, "NoSuchEntity", message);
  }
}
