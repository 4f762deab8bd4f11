package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.KindRegistry;
import dev.inventory.LastUse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsIamAccessKeyTest {
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant USED = Instant.parse("2025-06-01T12:30:00Z");
  private final KindRegistry kinds = KindRegistry.standard();

  @Test
  void should_start_with_unknown_use_and_no_atime() {
    // GIVEN a key built without any statement about its use
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins").build();
    // WHEN its last use is read
    // THEN it is unknown, never "never", and nothing derived from a use is present
    assertThat(key.lastUse()).isSameAs(LastUse.unknown());
    assertThat(key.atime()).isEmpty();
    assertThat(key.accessKeyLastUsed()).isEmpty();
    assertThat(kinds.read(key, "last_use")).isEqualTo("unknown");
    assertThat(kinds.read(key, "access_key_last_used")).isNull();
  }

  @Test
  void should_derive_atime_and_access_key_last_used_from_a_use() {
    // GIVEN a key used at a known time by a service in a region
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins")
        .status(AccessKeyStatus.ACTIVE)
        .ctime(CREATED)
        .lastUsed(USED, "s3", "eu-west-1")
        .build();
    // WHEN its properties are read through the registry
    // THEN atime is the time of use and access_key_last_used holds the documented representation
    assertThat(key.atime()).contains(USED);
    assertThat(key.lastUse()).isEqualTo(new LastUse.Used(USED, Optional.of("s3"), Optional.of("eu-west-1")));
    assertThat(kinds.read(key, "atime")).isEqualTo(USED);
    assertThat(kinds.read(key, "last_use")).isEqualTo("used");
    assertThat(kinds.read(key, "access_key_status")).isEqualTo("Active");
    assertThat(kinds.read(key, "user_name")).isEqualTo("jenkins");
    assertThat(kinds.read(key, "name")).isEqualTo("jenkins");
    assertThat(kinds.read(key, "ctime")).isEqualTo(CREATED);
    assertThat(kinds.read(key, "access_key_last_used"))
        .isEqualTo(Map.of("last_used", USED, "service_name", "s3", "region", "eu-west-1"));
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) kinds.read(key, "access_key_last_used");
    assertThatThrownBy(() -> details.put("region", "us-east-1")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_leave_service_and_region_out_when_a_use_has_none() {
    // GIVEN a key used at a time, service and region unknown
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins").lastUsed(USED).build();
    // WHEN access_key_last_used is read
    // THEN it holds only the time
    assertThat(key.accessKeyLastUsed()).contains(Map.of("last_used", USED));
  }

  @Test
  void should_have_no_atime_for_a_key_that_was_never_used() {
    // GIVEN a never-used key that was first marked as used
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins")
        .lastUsed(USED)
        .neverUsed()
        .status(AccessKeyStatus.INACTIVE)
        .build();
    // WHEN its use is read
    // THEN the last statement wins and no time is left behind
    assertThat(key.lastUse()).isSameAs(LastUse.never());
    assertThat(key.atime()).isEmpty();
    assertThat(key.accessKeyLastUsed()).isEmpty();
    assertThat(kinds.read(key, "last_use")).isEqualTo("never");
    assertThat(kinds.read(key, "access_key_status")).isEqualTo("Inactive");
  }

  @Test
  void should_go_back_to_unknown_use_when_asked() {
    // GIVEN a used key
    AwsIamAccessKey used = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins").lastUsed(USED).build();
    // WHEN its use is set to unknown on a copy
    AwsIamAccessKey unknown = used.toBuilder().unknownUse().build();
    // THEN the copy has no time of use, and the original is unchanged
    assertThat(unknown.lastUse()).isSameAs(LastUse.unknown());
    assertThat(unknown.atime()).isEmpty();
    assertThat(used.atime()).contains(USED);
  }

  @Test
  void should_be_an_access_key_and_an_aws_resource_of_its_kind() {
    // GIVEN a key
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins").build();
    // WHEN / THEN it has the fixed kind and the typed interfaces
    assertThat(key.kind()).isEqualTo("aws_iam_access_key");
    assertThat(key).isInstanceOf(AccessKey.class).isInstanceOf(AwsResource.class);
    assertThat(key.accessKeyStatus()).isEmpty();
  }

  @Test
  void should_compare_by_value_and_copy_through_to_builder() {
    // GIVEN a key with every kind of value
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins")
        .status(AccessKeyStatus.ACTIVE)
        .ctime(CREATED)
        .lastUsed(USED, "iam", "us-east-1")
        .tag("owner", "ci")
        .additionalProperty("custom", Map.of("n", 1))
        .lastUsedExtras(Map.of("last_rotated", "2025-01-01T00:00:00Z"))
        .build();
    // WHEN it is copied, and copied with a change
    AwsIamAccessKey copy = key.toBuilder().build();
    AwsIamAccessKey changed = key.toBuilder().status(AccessKeyStatus.INACTIVE).build();
    // THEN the copy is equal with the same hash, the changed one is not, and toString shows the values
    assertThat(copy).isEqualTo(key).hasSameHashCodeAs(key);
    assertThat(changed).isNotEqualTo(key);
    assertThat(key.toBuilder().name("other").build()).isNotEqualTo(key);
    assertThat(key.additionalProperties()).isEqualTo(Map.of("custom", Map.of("n", 1L)));
    assertThat(key.toString())
        .startsWith("AwsIamAccessKey{id=AKIAAAAAAAAAAAAAAAAA, name=jenkins")
        .contains("userName=jenkins", "status=Active", "lastUse=Used[time=2025-06-01T12:30:00Z");
  }

  @Test
  void should_keep_extra_values_of_access_key_last_used_beside_the_use() {
    // GIVEN a used key whose source also reported when it was last rotated
    AwsIamAccessKey key = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins")
        .lastUsed(USED)
        .lastUsedExtras(Map.of("last_rotated", "2025-01-01T00:00:00Z"))
        .build();
    // WHEN access_key_last_used is read
    // THEN it holds the use and the extra value
    assertThat(key.accessKeyLastUsed())
        .contains(Map.of("last_used", USED, "last_rotated", "2025-01-01T00:00:00Z"));
  }

  @Test
  void should_reject_extras_that_would_contradict_the_last_use() {
    // GIVEN a builder whose extras claim a time of last use
    AwsIamAccessKey.Builder b = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins")
        .neverUsed()
        .lastUsedExtras(Map.of("last_used", "2025-01-01T00:00:00Z"));
    // WHEN it is built
    // THEN it fails, naming the key and the offending field
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AKIAAAAAAAAAAAAAAAAA")
        .hasMessageContaining("last_used");
  }

  @Test
  void should_reject_an_additional_property_that_its_kind_declares() {
    // GIVEN a builder that smuggles last_use in as an additional value
    AwsIamAccessKey.Builder b = AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "jenkins")
        .additionalProperty("last_use", "never");
    // WHEN it is built
    // THEN it fails, naming the property
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'last_use'")
        .hasMessageContaining("aws_iam_access_key");
  }

  @Test
  void should_require_an_id_and_a_user_name() {
    // GIVEN / WHEN / THEN blank or missing required values fail at once
    assertThatThrownBy(() -> AwsIamAccessKey.builder(" ", "jenkins")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("userName");
    assertThatThrownBy(() -> AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "x").lastUsed(null))
        .isInstanceOf(NullPointerException.class);
  }
}
