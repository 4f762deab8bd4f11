package dev.inventory.query;

import dev.inventory.query.ast.Path;
import dev.inventory.query.dsl.BooleanProperty;
import dev.inventory.query.dsl.StringProperty;

/**
 * Properties of users ({@code user} and its subkinds such as {@code aws_iam_user}), named after
 * their query names, so Java and text queries read alike.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 * import static dev.inventory.query.Users.*;
 *
 * Search.of(User.class).where(PASSWORD_ENABLED.isTrue().and(MFA_ACTIVE.isFalse()));
 * // is(user) and password_enabled == true and mfa_active == false
 * }</pre>
 */
public final class Users {
  /** {@code arn}. */
  public static final StringProperty ARN = new StringProperty(Path.reported("arn"));

  /** {@code path}: the IAM path, such as {@code /} or {@code /ci/}. */
  public static final StringProperty PATH = new StringProperty(Path.reported("path"));

  /** {@code password_enabled}: the user can sign in to the console. */
  public static final BooleanProperty PASSWORD_ENABLED = new BooleanProperty(Path.reported("password_enabled"));

  /** {@code mfa_active}: a multi-factor device is active. */
  public static final BooleanProperty MFA_ACTIVE = new BooleanProperty(Path.reported("mfa_active"));

  private Users() {}
}
