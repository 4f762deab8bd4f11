package dev.inventory.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.LastUse;
import dev.inventory.aws.internal.CredentialReport.KeyRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialReportTest {
  private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
      + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
      + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
      + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
      + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
  private static final String ROOT = "<root_account>,arn:aws:iam::123456789012:root,2019-03-01T10:00:00+00:00,"
      + "not_supported,2026-10-01T08:00:00+00:00,not_supported,not_supported,true,"
      + "true,2020-05-05T05:05:05+00:00,2026-11-01T00:00:00+00:00,us-east-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
  private static final String ALICE = "alice,arn:aws:iam::123456789012:user/alice,2020-01-02T03:04:05+00:00,TRUE,"
      + "no_information,2020-01-02T03:05:00+00:00,N/A,False,true,2020-01-02T03:06:00+00:00,2026-11-20T12:00:00+00:00,"
      + "N/A,s3,false,2024-05-01T00:00:00Z,N/A,N/A,N/A,false,N/A,false,N/A\n";

  private static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void should_read_the_root_row_and_a_user_row_by_column_name() {
    // WHEN a report with root and alice is read
    CredentialReport r = CredentialReport.parse(HEADER + ROOT + ALICE);
    // THEN root has its key slot, not_supported reads as absent
    CredentialReport.Row root = r.root().orElseThrow();
    assertThat(root.isRoot()).isTrue();
    assertThat(root.passwordEnabled()).isEmpty();
    assertThat(root.mfaActive()).hasValue(true);
    assertThat(root.passwordLastUsed()).hasValue(t("2026-10-01T08:00:00Z"));
    assertThat(root.keys().get(0).occupied()).isTrue();
    assertThat(root.keys().get(0).lastUse())
        .isEqualTo(new LastUse.Used(t("2026-11-01T00:00:00Z"), Optional.of("ec2"), Optional.of("us-east-1")));
    assertThat(root.keys().get(1).occupied()).isFalse();
    // AND alice: case-insensitive booleans, no_information is absent, N/A region of a used key is absent
    CredentialReport.Row alice = r.user("alice").orElseThrow();
    assertThat(alice.passwordEnabled()).hasValue(true);
    assertThat(alice.mfaActive()).hasValue(false);
    assertThat(alice.passwordLastUsed()).isEmpty();
    assertThat(alice.keys().get(0).lastUse())
        .isEqualTo(new LastUse.Used(t("2026-11-20T12:00:00Z"), Optional.of("s3"), Optional.empty()));
    // AND a Z date works as well as +00:00; an inactive slot with a date but no use is never used
    assertThat(alice.keys().get(1).lastRotated()).hasValue(t("2024-05-01T00:00:00Z"));
    assertThat(alice.keys().get(1).lastUse()).isEqualTo(LastUse.never());
  }

  @Test
  void should_find_columns_by_name_whatever_their_order() {
    // GIVEN a report whose columns are shuffled and trimmed to what matters
    String csv = "access_key_1_last_used_service,user,access_key_1_active,access_key_1_last_used_region,"
        + "access_key_1_last_rotated,access_key_1_last_used_date\n"
        + "sts,bob,true,eu-west-1,2021-01-01T00:00:00+00:00,2026-01-01T00:00:00+00:00\n";
    // WHEN it is read and bob's key is matched
    Map<String, LastUse> m = CredentialReport.parse(csv)
        .match("bob", List.of(new KeyRef("AKIABOB0000000000001", t("2021-01-01T00:00:00Z"))));
    // THEN the values come from the named columns
    assertThat(m).containsEntry("AKIABOB0000000000001",
        new LastUse.Used(t("2026-01-01T00:00:00Z"), Optional.of("sts"), Optional.of("eu-west-1")));
  }

  @Test
  void should_match_keys_by_creation_time_not_by_position() {
    // GIVEN bob's slot 1 holds the newer key (ListAccessKeys may return them in any order)
    String bob = "bob,arn:aws:iam::123456789012:user/bob,2021-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,"
        + "true,2022-02-02T02:02:02+00:00,2026-01-05T00:00:00+00:00,us-east-1,iam,"
        + "true,2021-07-07T07:07:07+00:00,N/A,N/A,N/A,false,N/A,false,N/A\n";
    CredentialReport r = CredentialReport.parse(HEADER + bob);
    // WHEN the keys are matched, with sub-second creation times
    Map<String, LastUse> m = r.match("bob", List.of(
        new KeyRef("AKIAOLD0000000000001", t("2021-07-07T07:07:07.400Z")),
        new KeyRef("AKIANEW0000000000002", t("2022-02-02T02:02:02Z"))));
    // THEN each key gets the slot with its own creation time
    assertThat(m).containsEntry("AKIAOLD0000000000001", LastUse.never());
    assertThat(m.get("AKIANEW0000000000002").at()).hasValue(t("2026-01-05T00:00:00Z"));
  }

  @Test
  void should_leave_two_keys_created_in_the_same_second_to_per_key_calls() {
    // GIVEN carol's two keys were created in the same second
    String carol = "carol,arn:aws:iam::123456789012:user/carol,2021-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,"
        + "true,2022-02-02T02:02:02+00:00,2026-01-05T00:00:00+00:00,us-east-1,iam,"
        + "true,2022-02-02T02:02:02+00:00,N/A,N/A,N/A,false,N/A,false,N/A\n";
    // WHEN matched
    Map<String, LastUse> m = CredentialReport.parse(HEADER + carol).match("carol", List.of(
        new KeyRef("AKIACAROL00000000001", t("2022-02-02T02:02:02.100Z")),
        new KeyRef("AKIACAROL00000000002", t("2022-02-02T02:02:02.900Z"))));
    // THEN neither is placed
    assertThat(m).isEmpty();
  }

  @Test
  void should_not_place_a_key_newer_than_the_report_nor_a_user_missing_from_it() {
    // GIVEN alice has a key created after the report, and dave is not in the report
    CredentialReport r = CredentialReport.parse(HEADER + ALICE);
    // WHEN matched
    Map<String, LastUse> m = r.match("alice", List.of(
        new KeyRef("AKIAALICE0000000001", t("2020-01-02T03:06:00Z")),
        new KeyRef("AKIAALICE0000000003", t("2026-12-01T00:00:00Z"))));
    // THEN only the known key is placed
    assertThat(m).containsOnlyKeys("AKIAALICE0000000001");
    assertThat(r.match("dave", List.of(new KeyRef("AKIADAVE00000000001", t("2020-01-01T00:00:00Z"))))).isEmpty();
  }

  @Test
  void should_treat_an_inactive_slot_with_na_last_rotated_as_empty() {
    // GIVEN erin's slot 2 is inactive with N/A last_rotated
    String erin = "erin,arn:aws:iam::123456789012:user/erin,2021-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,"
        + "true,2022-02-02T02:02:02+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
    CredentialReport.Row row = CredentialReport.parse(HEADER + erin).user("erin").orElseThrow();
    // THEN slot 1 is a never-used key and slot 2 is empty
    assertThat(row.keys().get(0).lastUse()).isEqualTo(LastUse.never());
    assertThat(row.keys().get(1).occupied()).isFalse();
    assertThat(row.keys().get(1).lastRotated()).isEmpty();
  }

  @Test
  void should_read_quoted_fields_with_commas_quotes_and_line_breaks() {
    // GIVEN a user name and an ARN in quotes (one with a comma, one with a doubled quote)
    String csv = "user,arn,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
        + "access_key_1_last_used_region,access_key_1_last_used_service\r\n"
        + "\"a,b\",\"arn:aws:iam::123456789012:user/\"\"a,b\"\"\",false,N/A,N/A,N/A,N/A\r\n"
        + "\"multi\nline\",x,false,N/A,N/A,N/A,N/A\r\n";
    // WHEN read
    CredentialReport r = CredentialReport.parse(csv);
    // THEN the quoted values are whole
    assertThat(r.user("a,b").orElseThrow().arn()).isEqualTo("arn:aws:iam::123456789012:user/\"a,b\"");
    assertThat(r.user("multi\nline")).isPresent();
    assertThat(r.rows()).hasSize(2);
  }

  @Test
  void should_name_line_and_column_of_a_bad_date() {
    String bad = ALICE.replace("2020-01-02T03:06:00+00:00", "yesterday");
    assertThatThrownBy(() -> CredentialReport.parse(HEADER + ROOT + bad))
        .isInstanceOf(CredentialReportException.class)
        .hasMessage("credential report line 3, column access_key_1_last_rotated: "
            + "expected a date such as 2020-01-02T03:04:05+00:00 or N/A, got 'yesterday'")
        .satisfies(e -> assertThat(((CredentialReportException) e).line()).isEqualTo(3));
  }

  @Test
  void should_name_line_and_column_of_a_bad_boolean() {
    String bad = ALICE.replace(",TRUE,", ",yes,");
    assertThatThrownBy(() -> CredentialReport.parse(HEADER + bad))
        .isInstanceOf(CredentialReportException.class)
        .hasMessage("credential report line 2, column password_enabled: expected true, false or N/A, got 'yes'");
  }

  @Test
  void should_reject_a_row_with_the_wrong_number_of_fields() {
    assertThatThrownBy(() -> CredentialReport.parse(HEADER + "bob,arn\n"))
        .isInstanceOf(CredentialReportException.class)
        .hasMessage("credential report line 2: expected 22 fields as in the header, got 2");
  }

  @Test
  void should_reject_an_unclosed_quote_and_a_header_without_user() {
    assertThatThrownBy(() -> CredentialReport.parse("user,arn\n\"bob,x\n"))
        .isInstanceOf(CredentialReportException.class)
        .hasMessage("credential report line 2, column #1: a quoted field is not closed");
    assertThatThrownBy(() -> CredentialReport.parse("user,arn\nbob,x\n\"carol\"x,y\n"))
        .isInstanceOf(CredentialReportException.class)
        .hasMessage("credential report line 3, column #1: unexpected text after a closing quote; expected ',' or the end of the line");
    assertThatThrownBy(() -> CredentialReport.parse("name,arn\nbob,x\n"))
        .isInstanceOf(CredentialReportException.class)
        .hasMessageStartingWith("credential report line 1, column user: the header has no 'user' column");
    assertThatThrownBy(() -> CredentialReport.parse(""))
        .isInstanceOf(CredentialReportException.class)
        .hasMessageContaining("the report is empty");
  }

  @Test
  void should_reject_a_key_slot_with_missing_columns() {
    assertThatThrownBy(() -> CredentialReport.parse("user,access_key_1_active,access_key_1_last_rotated\n"))
        .isInstanceOf(CredentialReportException.class)
        .hasMessage("credential report line 1, column access_key_1_last_used_date: "
            + "the header has access_key_1_active but no access_key_1_last_used_date");
  }
}
