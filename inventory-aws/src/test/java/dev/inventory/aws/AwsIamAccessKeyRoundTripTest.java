package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.inventory.AccessKeyStatus;
import dev.inventory.LastUse;
import dev.inventory.PropertyValues;
import dev.inventory.Values;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a fixture writer saves of a key, a fixture reader turns back into an equal key. */
class AwsIamAccessKeyRoundTripTest {

  private static AwsIamAccessKey key(int shape, long seconds, int extras, int status) {
    Instant t = Instant.ofEpochSecond(seconds);
    AwsIamAccessKey.Builder b = AwsIamAccessKey.builder("AKIA" + String.format("%016d", seconds), "user" + shape)
        .ctime(t.minusSeconds(86_400));
    switch (shape % 5) {
      case 0 -> b.unknownUse();
      case 1 -> b.neverUsed();
      case 2 -> b.lastUsed(t);
      case 3 -> b.lastUsed(t, "s3", "eu-west-" + shape);
      default -> b.lastUse(new LastUse.Used(t, Optional.of("iam"), Optional.empty()));
    }
    if (extras % 2 == 1) {
      b.lastUsedExtras(Map.of("last_rotated", Values.format(t)));
    }
    if (extras % 3 == 1) {
      b.additionalProperty("labels", Map.of("env", "prod", "n", 2L));
    }
    if (status > 0) {
      b.status(status == 1 ? AccessKeyStatus.ACTIVE : AccessKeyStatus.INACTIVE);
    }
    return b.build();
  }

  /** A reader cannot know nested types, so it hands the nested time over as ISO text. */
  private static PropertyValues asRead(PropertyValues written) {
    Map<String, Object> declared = new LinkedHashMap<>();
    for (String n : written.names()) {
      declared.put(n, written.get(n).orElseThrow());
    }
    written.object("access_key_last_used").ifPresent(m -> {
      Map<String, Object> copy = new LinkedHashMap<>(m);
      copy.computeIfPresent("last_used", (k, v) -> Values.format((Instant) v));
      declared.put("access_key_last_used", copy);
    });
    return new PropertyValues(written.id(), written.kind(), declared, written.additional());
  }

  @Test
  void should_recreate_an_equal_key_from_its_exported_values() {
    qt().forAll(
            integers().between(0, 40),
            longs().between(1_000_000_000L, 4_000_000_000L),
            integers().between(0, 5),
            integers().between(0, 2))
        .checkAssert((shape, seconds, extras, status) -> {
          // GIVEN a key in any of the three use states, with or without extra values
          AwsIamAccessKey original = key(shape, seconds, extras, status);
          // WHEN it is exported and read back, with typed and with textual nested times
          // THEN the result equals the original
          assertThat(TestSupport.create(TestSupport.export(original))).isEqualTo(original);
          assertThat(AwsIamAccessKey.fromValues(asRead(TestSupport.export(original)))).isEqualTo(original);
        });
  }
}
