package dev.inventory.aws.fake;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The form parameters of one call, with IAM's validation (the SDK checks nothing client-side). */
final class Params {
  private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
  private static final Pattern KEY_ID = Pattern.compile("\\w{16,128}");

  private final Map<String, String> map;

  Params(Map<String, String> map) {
    this.map = map;
  }

  Map<String, String> map() {
    return map;
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(map.get(name));
  }

  /** A required parameter: ValidationError in AWS's wording when missing. */
  String required(String name) {
    String v = map.get(name);
    if (v == null) {
      throw FakeError.validation("1 validation error detected: Value null at '" + member(name)
          + "' failed to satisfy constraint: Member must not be null");
    }
    return v;
  }

  String userName() {
    return checked("UserName", required("UserName"), USER_NAME);
  }

  Optional<String> optionalUserName() {
    return optional("UserName").map(v -> checked("UserName", v, USER_NAME));
  }

  String accessKeyId() {
    return checked("AccessKeyId", required("AccessKeyId"), KEY_ID);
  }

  /** MaxItems: 1 to 1000, default 100. */
  int maxItems() {
    String v = map.get("MaxItems");
    if (v == null) {
      return 100;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw FakeError.validation("Value '" + v + "' at 'maxItems' failed to satisfy constraint: Member must be a number");
    }
    if (n < 1 || n > 1000) {
      throw FakeError.validation("1 validation error detected: Value '" + n + "' at 'maxItems' failed to satisfy"
          + " constraint: Member must have value between 1 and 1000");
    }
    return n;
  }

  private static String checked(String name, String value, Pattern pattern) {
    if (!pattern.matcher(value).matches()) {
      throw FakeError.validation("1 validation error detected: Value '" + value + "' at '" + member(name)
          + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return value;
  }

  private static String member(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
