package dev.inventory;

import java.util.Optional;

/**
 * A credential that a user or principal signs requests with. Base kind: {@link
 * BaseKinds#ACCESS_KEY}; AWS's {@code aws_iam_access_key} is one.
 *
 * <p>Properties: {@code access_key_status} ({@code Active}/{@code Inactive}) and {@code last_use}
 * ({@code used}, {@code never}, {@code unknown}; see {@link LastUse}).
 */
public interface AccessKey extends Resource {

  /**
   * Active or inactive, if known.
   *
   * @return the status, or empty when not known
   */
  Optional<AccessKeyStatus> accessKeyStatus();

  /**
   * When the key was last used: at a time, never, or unknown.
   *
   * @return the last use
   */
  LastUse lastUse();
}
