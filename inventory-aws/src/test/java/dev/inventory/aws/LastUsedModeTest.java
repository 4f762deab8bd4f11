package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LastUsedModeTest {
  @Test
  void should_parse_the_cli_names_and_give_them_back() {
    for (LastUsedMode m : LastUsedMode.values()) {
      assertThat(LastUsedMode.parse(m.cliName())).isEqualTo(m);
    }
    assertThat(LastUsedMode.parse("Credential-Report")).isEqualTo(LastUsedMode.CREDENTIAL_REPORT);
    assertThat(LastUsedMode.parse("PER_KEY")).isEqualTo(LastUsedMode.PER_KEY);
    assertThat(LastUsedMode.AUTO.cliName()).isEqualTo("auto");
  }

  @Test
  void should_list_the_choices_for_an_unknown_name() {
    assertThatThrownBy(() -> LastUsedMode.parse("report"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown last-used mode 'report': expected one of per-key, credential-report, auto");
  }
}
