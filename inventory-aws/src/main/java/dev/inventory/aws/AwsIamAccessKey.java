package dev.inventory.aws;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.LastUse;
import dev.inventory.Property;
import dev.inventory.PropertyValueException;
import dev.inventory.PropertyValues;
import dev.inventory.ValueType;
import dev.inventory.Values;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM access key (kind {@code aws_iam_access_key} &lt; {@code access_key}, {@code
 * aws_resource}), Fix Inventory compatible: node id = AccessKeyId, name = the owner's user name,
 * {@code ctime} = CreateDate.
 *
 * <pre>{@code
 * AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAJENKINS000000001", "jenkins")
 *     .status(AccessKeyStatus.ACTIVE)
 *     .ctime(Instant.parse("2025-01-01T00:00:00Z"))
 *     .lastUsed(Instant.parse("2026-01-01T10:00:00Z"), "s3", "eu-west-1")
 *     .build();
 * key.atime();                 // 2026-01-01T10:00:00Z, always the time of the last use
 * key.lastUse().label();       // "used"
 * }</pre>
 *
 * <p>Last use has three states ({@link LastUse}); a new builder starts at {@linkplain
 * LastUse#unknown() unknown} so that nothing is ever taken for unused by accident. {@code atime}
 * and {@code access_key_last_used} are derived from it and cannot disagree with it.
 *
 * <p>Declared properties: {@code user_name} (string) and {@code access_key_last_used} (object
 * {@code {last_used, service_name, region}}, present only when the key was used). {@code
 * access_key_status} and {@code last_use} are declared by the base kind {@code access_key}.
 */
public final class AwsIamAccessKey extends AwsResourceBase implements AccessKey {
  /** Key of the last-use time inside {@code access_key_last_used}. */
  public static final String LAST_USED = "last_used";
  /** Key of the service of the last use inside {@code access_key_last_used}. */
  public static final String SERVICE_NAME = "service_name";
  /** Key of the region of the last use inside {@code access_key_last_used}. */
  public static final String REGION = "region";

  /** Property {@code user_name} (string): the owner's UserName. */
  public static final Property<AwsIamAccessKey> USER_NAME =
      Property.of(AwsIamAccessKey.class, "user_name", ValueType.STRING, AwsIamAccessKey::userName);
  /** Property {@code access_key_last_used} (object), see {@link #accessKeyLastUsed()}. */
  public static final Property<AwsIamAccessKey> ACCESS_KEY_LAST_USED =
      Property.of(
          AwsIamAccessKey.class,
          "access_key_last_used",
          ValueType.OBJECT,
          k -> k.accessKeyLastUsed().orElse(null));

  /** The properties this kind declares itself, in declaration order. */
  public static final List<Property<?>> PROPERTIES = List.of(USER_NAME, ACCESS_KEY_LAST_USED);

  private static final Set<String> DECLARED =
      Set.of(USER_NAME.name(), ACCESS_KEY_LAST_USED.name(), "access_key_status", "last_use");

  private final String userName;
  private final AccessKeyStatus status;
  private final LastUse lastUse;
  private final Map<String, Object> lastUsedExtras;
  private final Map<String, Object> accessKeyLastUsed;

  private AwsIamAccessKey(Builder b) {
    super(b, b.lastUse.at().orElse(null), DECLARED);
    this.userName = b.userName;
    this.status = b.status;
    this.lastUse = b.lastUse;
    this.lastUsedExtras = Values.freezeMap(b.lastUsedExtras);
    this.accessKeyLastUsed = accessKeyLastUsed(lastUse, lastUsedExtras);
  }

  /**
   * Starts a key with this AccessKeyId, owned by the user {@code userName} (also its name).
   *
   * @param accessKeyId the AccessKeyId, also the node id
   * @param userName the owner's UserName
   * @return a builder for the key
   */
  public static Builder builder(String accessKeyId, String userName) {
    return new Builder(accessKeyId).userName(userName);
  }

  /**
   * The factory of kind {@code aws_iam_access_key}. Without {@code last_use} (Fix Inventory exports
   * do not have it) the key counts as used when {@code access_key_last_used.last_used} or {@code
   * atime} gives a time, and as unknown otherwise: never as "never".
   *
   * @param values the node's reported values
   * @return the access key
   * @throws PropertyValueException for a status other than {@code Active}/{@code Inactive}, a
   *     {@code last_use} other than {@code used}/{@code never}/{@code unknown}, a last-use time that
   *     is not a datetime, a missing {@code user_name} and {@code name}, or values that contradict
   *     each other
   */
  public static AwsIamAccessKey fromValues(PropertyValues values) {
    String userName = values.string("user_name")
        .or(() -> values.string("name"))
        .orElseThrow(() -> new PropertyValueException(
            "user_name", "the owner's user name", "property 'user_name' is missing (and so is 'name')"));
    Builder b = new Builder(values.id()).common(values).userName(userName);
    Optional<String> status = values.string("access_key_status");
    if (status.isPresent()) {
      b.status(AccessKeyStatus.fromLabel(status.get())
          .orElseThrow(() -> new PropertyValueException(
              "access_key_status", "one of Active, Inactive",
              "property 'access_key_status': expected one of Active, Inactive, got "
                  + Values.describe(status.get()))));
    }
    readLastUse(values, b);
    return b.build();
  }

  private static void readLastUse(PropertyValues values, Builder b) {
    Optional<String> label = values.string("last_use");
    if (label.isPresent() && LastUse.checkLabel(label.get()).isEmpty()) {
      throw new PropertyValueException(
          "last_use", "one of used, never, unknown",
          "property 'last_use': expected one of used, never, unknown, got " + Values.describe(label.get()));
    }
    Map<String, Object> details = new LinkedHashMap<>(values.object("access_key_last_used").orElse(Map.of()));
    Optional<Instant> lastUsed = lastUsedTime(details.remove(LAST_USED));
    Optional<Instant> atime = values.datetime("atime");
    if (lastUsed.isPresent() && atime.isPresent() && !lastUsed.equals(atime)) {
      throw new PropertyValueException(
          "atime", "the time of access_key_last_used.last_used",
          "property 'atime' is " + Values.format(atime.get())
              + " but access_key_last_used.last_used is " + Values.format(lastUsed.get())
              + "; both are the time of the last use");
    }
    Optional<Instant> time = lastUsed.or(() -> atime);
    String state = label.orElse(time.isPresent() ? "used" : "unknown");
    if (state.equals("used")) {
      Instant at = time.orElseThrow(() -> new PropertyValueException(
          "last_use", "a time in access_key_last_used.last_used or atime",
          "property 'last_use' is 'used' but neither access_key_last_used.last_used nor atime gives the time"));
      Optional<String> service = detail(details, SERVICE_NAME);
      Optional<String> region = detail(details, REGION);
      details.remove(SERVICE_NAME);
      details.remove(REGION);
      b.lastUse(new LastUse.Used(at, service, region));
    } else {
      if (time.isPresent()) {
        String where = lastUsed.isPresent() ? "access_key_last_used.last_used" : "atime";
        throw new PropertyValueException(
            where, "no time of last use, since last_use is '" + state + "'",
            "property '" + where + "' gives a time of last use (" + Values.format(time.get())
                + ") but last_use is '" + state + "'");
      }
      b.lastUse(state.equals("never") ? LastUse.never() : LastUse.unknown());
    }
    // Whatever else the object held (Fix Inventory's last_rotated, say) is kept as it was.
    b.lastUsedExtras(details);
  }

  private static Optional<Instant> lastUsedTime(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Instant i) {
      return Optional.of(i);
    }
    if (value instanceof String s) {
      Optional<Instant> parsed = Values.parseDatetime(s);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    throw new PropertyValueException(
        "access_key_last_used.last_used", "an ISO-8601 datetime",
        "property 'access_key_last_used.last_used': expected an ISO-8601 datetime, got " + Values.describe(value));
  }

  private static Optional<String> detail(Map<String, Object> details, String key) {
    Object value = details.get(key);
    if (value == null || value instanceof String) {
      return Optional.ofNullable((String) value);
    }
    throw new PropertyValueException(
        "access_key_last_used." + key, "a string",
        "property 'access_key_last_used." + key + "': expected a string, got " + Values.describe(value));
  }

  private static Map<String, Object> accessKeyLastUsed(LastUse lastUse, Map<String, Object> extras) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (lastUse instanceof LastUse.Used used) {
      m.put(LAST_USED, used.time());
      used.serviceName().ifPresent(s -> m.put(SERVICE_NAME, s));
      used.region().ifPresent(r -> m.put(REGION, r));
    }
    m.putAll(extras);
    return m.isEmpty() ? null : Collections.unmodifiableMap(m);
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_IAM_ACCESS_KEY;
  }

  /**
   * The UserName of the owner (for the root user's keys, {@code root}).
   *
   * @return the owner's user name
   */
  public String userName() {
    return userName;
  }

  @Override
  public Optional<AccessKeyStatus> accessKeyStatus() {
    return Optional.ofNullable(status);
  }

  @Override
  public LastUse lastUse() {
    return lastUse;
  }

  /**
   * The value of {@code access_key_last_used}: {@code last_used} (an {@link Instant}), {@code
   * service_name} and {@code region} when the key was used, plus any extra values the source
   * carried. Empty for a key that was never used or whose use is unknown (unless the source carried
   * extra values).
   *
   * @return the last-use values as a map, or empty when the use is not known
   */
  public Optional<Map<String, Object>> accessKeyLastUsed() {
    return Optional.ofNullable(accessKeyLastUsed);
  }

  /**
   * Values of {@code access_key_last_used} this class does not model (such as Fix Inventory's
   * {@code last_rotated}), kept so that a round trip loses nothing.
   *
   * @return the extra values of {@code access_key_last_used}, empty when there are none
   */
  public Map<String, Object> lastUsedExtras() {
    return lastUsedExtras;
  }

  /**
   * A builder holding this key's values.
   *
   * @return a builder to derive a changed key from
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  Map<String, Object> fields() {
    return fieldMap(
        "userName", userName,
        "status", status == null ? null : status.label(),
        "lastUse", lastUse,
        "lastUsedExtras", lastUsedExtras.isEmpty() ? null : lastUsedExtras);
  }

  /**
   * Builds an {@link AwsIamAccessKey}. There is no {@code atime} setter: the time of last use is
   * set with {@link #lastUsed(Instant)} or {@link #lastUse(LastUse)} and becomes {@code atime}.
   */
  public static final class Builder extends AwsResourceBase.Builder<Builder> {
    private String userName;
    private boolean nameSet;
    private AccessKeyStatus status;
    private LastUse lastUse = LastUse.unknown();
    private final Map<String, Object> lastUsedExtras = new LinkedHashMap<>();

    private Builder(String id) {
      super(id);
    }

    private Builder(AwsIamAccessKey k) {
      super(k);
      this.userName = k.userName;
      this.nameSet = true;
      this.status = k.status;
      this.lastUse = k.lastUse;
      this.lastUsedExtras.putAll(k.lastUsedExtras);
    }

    /**
     * Sets the owner's user name (required); it is also the key's name unless one is set.
     *
     * @param userName the owner's user name
     * @return this builder
     */
    public Builder userName(String userName) {
      Objects.requireNonNull(userName, "userName");
      if (userName.isBlank()) {
        throw new IllegalArgumentException("userName must not be blank");
      }
      this.userName = userName;
      return this;
    }

    /** Sets the name; without one, the key is named after its owner. */
    @Override
    public Builder name(String name) {
      this.nameSet = true;
      return super.name(name);
    }

    /**
     * Sets the status, or clears it (unknown) with {@code null}.
     *
     * @param status the status, or null for unknown
     * @return this builder
     */
    public Builder status(AccessKeyStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the last use in any of its three states.
     *
     * @param lastUse the last use
     * @return this builder
     */
    public Builder lastUse(LastUse lastUse) {
      this.lastUse = Objects.requireNonNull(lastUse, "lastUse");
      return this;
    }

    /**
     * Used at {@code at}, service and region unknown.
     *
     * @param at when the key was last used
     * @return this builder
     */
    public Builder lastUsed(Instant at) {
      return lastUse(LastUse.usedAt(at));
    }

    /**
     * Used at {@code at} by {@code serviceName} in {@code region}.
     *
     * @param at when the key was last used
     * @param serviceName the AWS service it was used with
     * @param region the region it was used in
     * @return this builder
     */
    public Builder lastUsed(Instant at, String serviceName, String region) {
      return lastUse(new LastUse.Used(
          at, Optional.of(Objects.requireNonNull(serviceName, "serviceName")),
          Optional.of(Objects.requireNonNull(region, "region"))));
    }

    /**
     * Never used (AWS reports {@code N/A}).
     *
     * @return this builder
     */
    public Builder neverUsed() {
      return lastUse(LastUse.never());
    }

    /**
     * Use not known (the default).
     *
     * @return this builder
     */
    public Builder unknownUse() {
      return lastUse(LastUse.unknown());
    }

    /**
     * Replaces the values of {@code access_key_last_used} beyond {@code last_used}, {@code
     * service_name} and {@code region} (those three come from {@link #lastUse(LastUse)}).
     *
     * @param extras the extra values by name
     * @return this builder
     */
    public Builder lastUsedExtras(Map<String, ?> extras) {
      Objects.requireNonNull(extras, "extras");
      lastUsedExtras.clear();
      extras.forEach((k, v) -> lastUsedExtras.put(Objects.requireNonNull(k, "key"), v));
      return this;
    }

    /**
     * Builds the key.
     *
     * @return the key
     * @throws IllegalArgumentException when the extras of {@code access_key_last_used} hold a value
     *     that the last use already gives
     */
    public AwsIamAccessKey build() {
      if (lastUsedExtras.containsKey(LAST_USED)
          || (lastUse instanceof LastUse.Used
              && (lastUsedExtras.containsKey(SERVICE_NAME) || lastUsedExtras.containsKey(REGION)))) {
        throw new IllegalArgumentException(
            "access key '" + currentId() + "': the extras of access_key_last_used must not hold " + LAST_USED
                + (lastUse instanceof LastUse.Used ? ", " + SERVICE_NAME + " or " + REGION : "")
                + ", which come from the last use " + lastUse);
      }
      if (!nameSet) {
        super.name(userName);
      }
      return new AwsIamAccessKey(this);
    }
  }
}
