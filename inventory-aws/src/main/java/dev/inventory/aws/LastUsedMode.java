package dev.inventory.aws;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where {@link IamCollector} reads when each access key was last used.
 *
 * <pre>{@code
 * IamCollector.builder(session).lastUsed(LastUsedMode.parse("credential-report")).build();
 * }</pre>
 */
public enum LastUsedMode {
  /** One {@code GetAccessKeyLastUsed} call per key: exact, but one call per key. */
  PER_KEY("per-key"),
  /**
   * The account's credential report ({@code GenerateCredentialReport}, {@code GetCredentialReport}):
   * a few calls per account whatever its size, up to 4 hours old. Keys the report cannot place
   * (created after it, or two keys of a user created in the same second) get a per-key call.
   */
  CREDENTIAL_REPORT("credential-report"),
  /**
   * The report when it is fetched anyway (for the root user) or when the account has more keys
   * than the report costs calls; per key otherwise.
   */
  AUTO("auto");

  private final String cliName;

  LastUsedMode(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The name used on command lines and in configuration: {@code per-key}, {@code
   * credential-report}, {@code auto}.
   *
   * @return the mode's command-line name
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The mode with this {@link #cliName()} (case-insensitive; the enum constant's name works too).
   *
   * @param text a command-line name or constant name
   * @return the mode
   * @throws IllegalArgumentException naming the choices, for any other text
   */
  public static LastUsedMode parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    for (LastUsedMode m : values()) {
      if (m.cliName.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown last-used mode '" + text + "': expected one of "
        + Arrays.stream(values()).map(LastUsedMode::cliName).collect(Collectors.joining(", ")));
  }
}
