package com.snapdesk.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetrievalEstimateTest {

  private static List<Duration> minutes(long... values) {
    return java.util.Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
  }

  @Test
  void saysThereIsNotEnoughHistoryBelowFiveSamples() {
    // given four measured retrievals
    var estimate = RetrievalEstimate.of(minutes(30, 40, 50, 60), false);

    // then the customer is told we cannot estimate yet, not a guess from four tickets
    assertThat(estimate.known()).isFalse();
    assertThat(estimate.samples()).isEqualTo(4);
    assertThat(estimate.sentence())
        .isEqualTo("We do not have enough history yet to estimate how long this kind of retrieval takes.");
  }

  @Test
  void givesMedianAndNinetiethPercentileFromFiveSamples() {
    // given five retrievals, in no order
    var estimate = RetrievalEstimate.of(minutes(100, 30, 40, 45, 35), false);

    // then median and p90 interpolate like percentile_cont: p90 = 45 + 0.6 * (100 - 45) = 78 min
    assertThat(estimate.median()).isEqualTo(Duration.ofMinutes(40));
    assertThat(estimate.p90()).isEqualTo(Duration.ofMinutes(78));
    assertThat(estimate.sentence())
        .isEqualTo("Once approved, similar retrievals were ready in about 40 minutes; 9 in 10 within 80 minutes.");
  }

  @Test
  void namesTheArchiveForAnArchivedPointsEstimate() {
    var samples = IntStream.rangeClosed(1, 10).mapToObj(h -> Duration.ofHours(10L + h)).toList();

    var estimate = RetrievalEstimate.of(samples, true);

    assertThat(estimate.sentence())
        .isEqualTo("Once approved, similar retrievals from the archive were ready in about 16 hours;"
            + " 9 in 10 within 20 hours.");
  }

  @ParameterizedTest(name = "{0} s reads \"{1}\" (about) and \"{2}\" (within)")
  @CsvSource({
      "1, 1 minute, 1 minute",
      "290, 5 minutes, 5 minutes",
      "840, 14 minutes, 14 minutes",
      "2400, 40 minutes, 40 minutes",
      "2460, 40 minutes, 45 minutes",
      "7000, 115 minutes, 2 hours",
      "7140, 2 hours, 2 hours",
      "7200, 2 hours, 2 hours",
      "9000, 3 hours, 3 hours",
      "9100, 3 hours, 3 hours",
      "86400, 24 hours, 24 hours",
      "171000, 2 days, 2 days",
      "172800, 2 days, 2 days",
      "216000, 3 days, 3 days",
      "230000, 3 days, 3 days",
      "260000, 3 days, 4 days",
  })
  void wordsMinutesUnderTwoHoursThenHoursThenDays(long seconds, String about, String within) {
    assertThat(RetrievalEstimate.words(Duration.ofSeconds(seconds), false)).isEqualTo(about);
    assertThat(RetrievalEstimate.words(Duration.ofSeconds(seconds), true)).isEqualTo(within);
  }
}
