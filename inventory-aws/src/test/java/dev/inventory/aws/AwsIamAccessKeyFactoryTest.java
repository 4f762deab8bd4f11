package dev.inventory.aws;

import static dev.inventory.aws.TestSupport.map;
import static dev.inventory.aws.TestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.AccessKeyStatus;
import dev.inventory.LastUse;
import dev.inventory.PropertyValueException;
import dev.inventory.PropertyValues;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsIamAccessKeyFactoryTest {
  private static final String ID = "AKIAAAAAAAAAAAAAAAAA";
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant USED = Instant.parse("2025-06-01T12:30:00Z");

  private static PropertyValues key(Object... keysAndValues) {
    Map<String, Object> m = map("name", "jenkins", "user_name", "jenkins");
    m.putAll(map(keysAndValues));
    return values(ID, "aws_iam_access_key", m);
  }

  private static PropertyValueException failure(PropertyValues v) {
    return catchThrowableOfType(PropertyValueException.class, () -> AwsIamAccessKey.fromValues(v));
  }

  @Test
  void should_create_a_used_key_from_valid_values() {
    // GIVEN values as this library writes them
    PropertyValues v = new PropertyValues(ID, "aws_iam_access_key",
        map("name", "jenkins", "user_name", "jenkins", "ctime", CREATED, "atime", USED,
            "access_key_status", "Inactive", "last_use", "used", "tags", Map.of("team", "ci"),
            "access_key_last_used", map("last_used", USED, "service_name", "sts", "region", "us-east-1")),
        map("note", "rotated by hand"));
    // WHEN the factory creates the key
    AwsIamAccessKey key = AwsIamAccessKey.fromValues(v);
    // THEN every value is in its typed place and the extra value is kept
    assertThat(key.id()).isEqualTo(ID);
    assertThat(key.userName()).isEqualTo("jenkins");
    assertThat(key.name()).contains("jenkins");
    assertThat(key.ctime()).contains(CREATED);
    assertThat(key.atime()).contains(USED);
    assertThat(key.accessKeyStatus()).contains(AccessKeyStatus.INACTIVE);
    assertThat(key.lastUse()).isEqualTo(new LastUse.Used(USED, Optional.of("sts"), Optional.of("us-east-1")));
    assertThat(key.tags()).isEqualTo(Map.of("team", "ci"));
    assertThat(key.additionalProperties()).isEqualTo(Map.of("note", "rotated by hand"));
  }

  @Test
  void should_read_a_fix_inventory_key_without_last_use_as_used_when_it_has_a_time() {
    // GIVEN a Fix Inventory export: no last_use, the time as ISO text, and a last_rotated value
    PropertyValues v = key("access_key_status", "Active",
        "access_key_last_used", map("last_used", "2025-06-01T14:30:00+02:00", "last_rotated", "2025-01-01T00:00:00Z"));
    // WHEN the factory creates the key
    AwsIamAccessKey key = AwsIamAccessKey.fromValues(v);
    // THEN it is used at the normalised time, atime follows, and last_rotated is kept
    assertThat(key.lastUse()).isEqualTo(LastUse.usedAt(USED));
    assertThat(key.atime()).contains(USED);
    assertThat(key.lastUsedExtras()).isEqualTo(Map.of("last_rotated", "2025-01-01T00:00:00Z"));
    assertThat(key.accessKeyLastUsed()).contains(Map.of("last_used", USED, "last_rotated", "2025-01-01T00:00:00Z"));
  }

  @Test
  void should_read_a_key_without_last_use_as_used_when_only_atime_is_present() {
    // GIVEN only atime
    // WHEN the factory creates the key
    AwsIamAccessKey key = AwsIamAccessKey.fromValues(key("atime", USED));
    // THEN it counts as used at atime
    assertThat(key.lastUse()).isEqualTo(LastUse.usedAt(USED));
  }

  @Test
  void should_read_a_key_without_any_time_as_unknown_never_as_never() {
    // GIVEN neither last_use nor a time of use
    // WHEN the factory creates the key
    AwsIamAccessKey key = AwsIamAccessKey.fromValues(key("ctime", CREATED));
    // THEN its use is unknown
    assertThat(key.lastUse()).isSameAs(LastUse.unknown());
    assertThat(key.atime()).isEmpty();
  }

  @Test
  void should_read_an_explicit_never() {
    // GIVEN last_use never and the service fields AWS fills with N/A
    AwsIamAccessKey key = AwsIamAccessKey.fromValues(
        key("last_use", "never", "access_key_last_used", map("service_name", "N/A")));
    // WHEN / THEN it is never used, and the N/A value is kept verbatim rather than lost
    assertThat(key.lastUse()).isSameAs(LastUse.never());
    assertThat(key.accessKeyLastUsed()).contains(Map.of("service_name", "N/A"));
  }

  @Test
  void should_fall_back_to_the_name_when_user_name_is_missing() {
    // GIVEN only a name
    PropertyValues v = values(ID, "aws_iam_access_key", map("name", "nancy"));
    // WHEN / THEN the owner is taken from the name, as Fix Inventory names keys after their owner
    assertThat(AwsIamAccessKey.fromValues(v).userName()).isEqualTo("nancy");
  }

  @Test
  void should_reject_a_status_other_than_active_or_inactive() {
    // GIVEN a status in the wrong spelling
    // WHEN the factory runs
    PropertyValueException e = failure(key("access_key_status", "active"));
    // THEN the error names the property and the accepted values
    assertThat(e.property()).isEqualTo("access_key_status");
    assertThat(e.expected()).isEqualTo("one of Active, Inactive");
    assertThat(e).hasMessage("property 'access_key_status': expected one of Active, Inactive, got string \"active\"");
  }

  @Test
  void should_reject_an_unknown_last_use_label() {
    // GIVEN / WHEN
    PropertyValueException e = failure(key("last_use", "stale"));
    // THEN
    assertThat(e.property()).isEqualTo("last_use");
    assertThat(e.expected()).isEqualTo("one of used, never, unknown");
    assertThat(e).hasMessageContaining("got string \"stale\"");
  }

  @Test
  void should_reject_a_last_used_time_that_is_not_a_datetime() {
    // GIVEN text that is not ISO-8601, and a number
    // WHEN / THEN both fail at the nested path
    for (Object bad : new Object[] {"yesterday", 1700000000L}) {
      PropertyValueException e = failure(key("access_key_last_used", map("last_used", bad)));
      assertThat(e.property()).isEqualTo("access_key_last_used.last_used");
      assertThat(e.expected()).isEqualTo("an ISO-8601 datetime");
    }
  }

  @Test
  void should_reject_a_service_name_or_region_that_is_not_a_string() {
    // GIVEN / WHEN
    PropertyValueException service = failure(key("access_key_last_used", map("last_used", USED, "service_name", 3L)));
    PropertyValueException region = failure(key("access_key_last_used", map("last_used", USED, "region", true)));
    // THEN
    assertThat(service.property()).isEqualTo("access_key_last_used.service_name");
    assertThat(service.expected()).isEqualTo("a string");
    assertThat(region.property()).isEqualTo("access_key_last_used.region");
  }

  @Test
  void should_reject_access_key_last_used_that_is_not_an_object() {
    // GIVEN / WHEN
    PropertyValueException e = failure(key("access_key_last_used", "2025-06-01T12:30:00Z"));
    // THEN
    assertThat(e.property()).isEqualTo("access_key_last_used");
    assertThat(e.expected()).isEqualTo("an object");
  }

  @Test
  void should_reject_an_atime_that_differs_from_the_last_used_time() {
    // GIVEN two different times of last use
    // WHEN
    PropertyValueException e = failure(key("atime", CREATED, "access_key_last_used", map("last_used", USED)));
    // THEN
    assertThat(e.property()).isEqualTo("atime");
    assertThat(e).hasMessageContaining("2025-01-01T00:00:00Z").hasMessageContaining("2025-06-01T12:30:00Z");
  }

  @Test
  void should_reject_used_without_a_time() {
    // GIVEN / WHEN
    PropertyValueException e = failure(key("last_use", "used"));
    // THEN
    assertThat(e.property()).isEqualTo("last_use");
    assertThat(e.expected()).isEqualTo("a time in access_key_last_used.last_used or atime");
  }

  @Test
  void should_reject_a_time_of_use_for_a_key_that_is_never_used_or_unknown() {
    // GIVEN / WHEN
    PropertyValueException never = failure(key("last_use", "never", "atime", USED));
    PropertyValueException unknown = failure(key("last_use", "unknown", "access_key_last_used", map("last_used", USED)));
    // THEN each names where the contradicting time is
    assertThat(never.property()).isEqualTo("atime");
    assertThat(never).hasMessageContaining("last_use is 'never'");
    assertThat(unknown.property()).isEqualTo("access_key_last_used.last_used");
  }

  @Test
  void should_reject_a_key_without_user_name_and_name() {
    // GIVEN / WHEN
    PropertyValueException e = failure(values(ID, "aws_iam_access_key", map("ctime", CREATED)));
    // THEN
    assertThat(e.property()).isEqualTo("user_name");
  }

  @Test
  void should_reject_values_of_the_wrong_type_naming_the_property() {
    // GIVEN a creation time that is still text, and tags with a number
    // WHEN / THEN
    assertThat(failure(key("ctime", "2025-01-01")).property()).isEqualTo("ctime");
    assertThat(failure(key("tags", Map.of("n", 1L))).property()).isEqualTo("tags.n");
  }
}
