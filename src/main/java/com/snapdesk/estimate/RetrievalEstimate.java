package com.snapdesk.estimate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long a kind of retrieval usually takes, from measured samples: the median and the 90th percentile
 * (interpolated, like the SLA dashboard's {@code percentile_cont}), or unknown below {@link #MIN_SAMPLES}.
 *
 * @param median null when unknown
 * @param p90    null when unknown
 */
public record RetrievalEstimate(int samples, Duration median, Duration p90, boolean archived) {

  /** Fewer samples than this say more about chance than about the retrieval. */
  public static final int MIN_SAMPLES = 5;

  static final String UNKNOWN = "We do not have enough history yet to estimate how long this kind of"
      + " retrieval takes.";

  public RetrievalEstimate {
    if ((median == null) != (p90 == null)) throw new IllegalArgumentException("median and p90 go together");
  }

  public static RetrievalEstimate of(List<Duration> samples, boolean archived) {
    Objects.requireNonNull(samples, "samples");
    if (samples.size() < MIN_SAMPLES) return new RetrievalEstimate(samples.size(), null, null, archived);
    List<Duration> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    return new RetrievalEstimate(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9), archived);
  }

  public boolean known() {
    return median != null;
  }

  /**
   * The customer's sentence, e.g. "Once approved, similar retrievals were ready in about 40 minutes; 9 in 10
   * within 2 hours." The median is rounded, the 90th percentile rounded up: "within" must stay true.
   */
  public String sentence() {
    if (!known()) return UNKNOWN;
    String similar = archived ? "similar retrievals from the archive" : "similar retrievals";
    return "Once approved, " + similar + " were ready in about " + words(median, false) + "; 9 in 10 within "
        + words(p90, true) + ".";
  }

  /** Minutes under 2 hours (5-minute steps from 15 minutes), then hours under 2 days, then days. */
  static String words(Duration d, boolean roundUp) {
    double minutes = d.toMillis() / 60_000.0;
    if (minutes < 120) {
      double step = minutes < 15 ? 1 : 5;
      long m = Math.max(1, (long) (roundUp ? Math.ceil(minutes / step) : Math.round(minutes / step)) * (long) step);
      if (m >= 120) return plural(2, "hour");
      return plural(m, "minute");
    }
    double hours = minutes / 60;
    if (hours < 48) {
      long h = (long) (roundUp ? Math.ceil(hours) : Math.round(hours));
      if (h >= 48) return plural(2, "day");
      return plural(h, "hour");
    }
    double days = hours / 24;
    return plural((long) (roundUp ? Math.ceil(days) : Math.round(days)), "day");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /** Linear interpolation between the closest ranks, as SQL's {@code percentile_cont}. */
  private static Duration percentile(List<Duration> sorted, double p) {
    double rank = p * (sorted.size() - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    long a = sorted.get(lower).toMillis();
    long b = sorted.get(upper).toMillis();
    return Duration.ofMillis(Math.round(a + (b - a) * (rank - lower)));
  }
}
