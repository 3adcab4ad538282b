package com.snapdesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.recovery.RetentionPolicy.BetweenTiers;
import com.snapdesk.recovery.RetentionPolicy.BeyondRetention;
import com.snapdesk.recovery.RetentionPolicy.InTier;
import com.snapdesk.recovery.RetentionPolicy.Row;
import com.snapdesk.recovery.RetentionProperties.Tier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionPolicyTest {

  private final RetentionPolicy policy = RetentionPolicy.defaults();

  @Test
  void showsCustomersThePublishedSchedule() {
    // given the default policy
    // when listing its rows
    // then they read like the published retention table
    assertThat(policy.rows()).containsExactly(
        new Row("days 1–3", "one per hour"),
        new Row("days 4–7", "one per day"),
        new Row("weeks 2–6", "one per week"),
        new Row("weeks 8–12", "one every two weeks"),
        new Row("months 3–5", "one per month"));
    assertThat(policy.version()).isEqualTo("v2");
    assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(150));
  }

  @ParameterizedTest(name = "age {0} falls in {1}")
  @CsvSource({
      "PT0S,           days 1–3",
      "PT71H59M59S,    days 1–3",
      "PT72H,          days 4–7",
      "P6DT23H,        days 4–7",
      "P7D,            weeks 2–6",
      "P41DT23H59M,    weeks 2–6",
      "P49D,           weeks 8–12",
      "P83DT23H,       weeks 8–12",
      "P84D,           months 3–5",
      "P149DT23H59M,   months 3–5",
  })
  void placesAgesInTheirTier(Duration age, String label) {
    // given an age inside a tier (boundaries: from-age inclusive, to-age exclusive)
    // when asking for its tier
    // then the tier with that label answers
    assertThat(policy.tierFor(age)).map(Tier::label).contains(label);
    assertThat(policy.place(age)).isInstanceOf(InTier.class);
  }

  @ParameterizedTest(name = "age {0} is in the week-7 gap")
  @CsvSource({"P42D", "P45D", "P48DT23H59M59S"})
  void tellsAGapBetweenTiersFromOutOfRetention(Duration age) {
    // given an age in week 7, which no tier covers
    // when placing it
    // then it has no tier but is between "weeks 2–6" and "weeks 8–12", not beyond retention
    assertThat(policy.tierFor(age)).isEmpty();
    assertThat(policy.isBeyondRetention(age)).isFalse();
    assertThat(policy.place(age)).isInstanceOfSatisfying(BetweenTiers.class, gap -> {
      assertThat(gap.younger().label()).isEqualTo("weeks 2–6");
      assertThat(gap.older().label()).isEqualTo("weeks 8–12");
    });
  }

  @Test
  void treatsTheEndOfTheLastTierAsOutOfRetention() {
    // given ages at and after the end of "months 3–5"
    // when placing them
    // then they are beyond retention
    assertThat(policy.place(Duration.ofDays(150))).isEqualTo(new BeyondRetention(Duration.ofDays(150)));
    assertThat(policy.isBeyondRetention(Duration.ofDays(400))).isTrue();
    assertThat(policy.tierFor(Duration.ofDays(150))).isEmpty();
  }

  @Test
  void countsAMomentJustInTheFutureAsTheFirstTier() {
    // given a moment 30 s in the future (allowed clock skew)
    // when placing its negative age
    // then it belongs to the hourly tier
    assertThat(policy.tierFor(Duration.ofSeconds(-30))).map(Tier::label).contains("days 1–3");
  }

  @Test
  void acceptsAnOlderPublishedVersionAsConfiguration() {
    // given the older published schedule, tiers listed out of order and without customer wording
    var older = new RetentionPolicy(new RetentionProperties("v1", List.of(
        new Tier("weeks 12–22", Duration.ofDays(77), Duration.ofDays(154), Duration.ofDays(30), null),
        new Tier("days 1–3", Duration.ZERO, Duration.ofDays(3), Duration.ofMinutes(1), "each backup"),
        new Tier("days 4–6", Duration.ofDays(3), Duration.ofDays(6), Duration.ofDays(1), null))));
    // when showing it
    // then it is sorted, its wording is derived from keep-every, and the gap from day 6 to week 12 is a gap
    assertThat(older.rows()).containsExactly(
        new Row("days 1–3", "each backup"), new Row("days 4–6", "one per day"),
        new Row("weeks 12–22", "one every 30 d"));
    assertThat(older.place(Duration.ofDays(20))).isInstanceOf(BetweenTiers.class);
    assertThat(older.maxAge()).isEqualTo(Duration.ofDays(154));
  }

  @Test
  void rejectsOverlappingTiers() {
    // given two tiers that overlap by a week
    var properties = new RetentionProperties("broken", List.of(
        new Tier("weeks 2–6", Duration.ofDays(7), Duration.ofDays(42), Duration.ofDays(7), null),
        new Tier("weeks 6–12", Duration.ofDays(35), Duration.ofDays(84), Duration.ofDays(14), null)));
    // when building the policy
    // then startup fails naming both tiers
    assertThatThrownBy(() -> new RetentionPolicy(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'weeks 6–12' starts at 35 d, before tier 'weeks 2–6' ends at 42 d");
  }

  @Test
  void rejectsATierThatEndsBeforeItStarts() {
    // given a tier from day 7 to day 3
    var properties = new RetentionProperties("broken", List.of(
        new Tier("backwards", Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), null)));
    // when building the policy
    // then startup fails naming the tier
    assertThatThrownBy(() -> new RetentionPolicy(properties))
        .hasMessageContaining("tiers[0] ('backwards') must end after it starts");
  }

  @Test
  void rejectsAZeroKeepEvery() {
    // given a tier that would keep a backup every 0 s
    var properties = new RetentionProperties("broken", List.of(
        new Tier("days 1–3", Duration.ZERO, Duration.ofDays(3), Duration.ZERO, null)));
    // when building the policy
    // then startup fails
    assertThatThrownBy(() -> new RetentionPolicy(properties)).hasMessageContaining("positive keep-every");
  }

  @Test
  void appliesTheDefaultsWhenNothingIsConfigured() {
    // given no snapdesk.retention block (binding yields nulls)
    // when the properties are created
    // then they equal the defaults
    assertThat(new RetentionProperties(null, null)).isEqualTo(RetentionProperties.defaults());
  }
}
