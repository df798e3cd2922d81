package io.leadstream.tools.observe;

import io.leadstream.models.scoring.ReasonPhrases;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Reason;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints prioritized leads and run summaries as fixed-width console tables. */
public final class LeadTable {

  private static final String ROW = "%-4s %-12s %s %-12s %5s %6s  %-9s %s%n";
  private static final int COMPANY_COLUMNS = 26;
  private static final int TOP_REASONS = 3;

  private final PrintWriter out;

  public LeadTable(PrintWriter out) {
    this.out = out;
  }

  public void header() {
    out.printf(
        Locale.ROOT,
        ROW,
        "#",
        "lead",
        ConsoleWidth.fit("company", COMPANY_COLUMNS),
        "tier",
        "score",
        "p(opp)",
        "trend",
        "top reasons");
    out.println("-".repeat(120));
  }

  public void row(String rank, PrioritizedLead lead) {
    String tier =
        lead.getTier().name()
            + (lead.getPreviousTier() != null && lead.getPreviousTier() != lead.getTier()
                ? "<" + lead.getPreviousTier().name().charAt(0)
                : "");
    out.printf(
        Locale.ROOT,
        ROW,
        rank,
        cut(lead.getLeadId(), 12),
        ConsoleWidth.fit(orDash(lead.getCompanyName()), COMPANY_COLUMNS),
        tier,
        lead.getScore(),
        String.format(Locale.ROOT, "%.2f", lead.getOpportunityProbability()),
        lead.getTrend().name().toLowerCase(Locale.ROOT)
            + (lead.getTextInferenceSkipped() ? "*" : ""),
        reasons(lead.getReasons()));
    out.flush();
  }

  /** The latest event of each lead, best score first. */
  public void ranked(Map<String, PrioritizedLead> latestByLead, int limit) {
    List<PrioritizedLead> ranked =
        latestByLead.values().stream()
            .sorted(
                Comparator.comparingInt(PrioritizedLead::getScore)
                    .reversed()
                    .thenComparing(PrioritizedLead::getLeadId))
            .limit(limit)
            .toList();
    out.printf("%nTop %d of %d leads by current score%n", ranked.size(), latestByLead.size());
    header();
    for (int i = 0; i < ranked.size(); i++) {
      row(Integer.toString(i + 1), ranked.get(i));
    }
  }

  public void summary(RunSummary summary, int inputs, long startMs) {
    out.printf("%nSummary%n-------%n");
    out.printf(Locale.ROOT, "input records        %d%n", inputs);
    out.printf(
        Locale.ROOT,
        "prioritized          %d   (%s)%n",
        summary.scored(),
        summary.tiers().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.printf(
        Locale.ROOT,
        "dead-lettered        %d   (%s)%n",
        summary.deadLettered(),
        summary.deadLettersByReason().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.printf(
        Locale.ROOT,
        "accounted for        %d of %d %s%n",
        summary.total(),
        inputs,
        summary.total() == inputs ? "(every input has exactly one outcome)" : "(MISMATCH)");
    out.printf(
        Locale.ROOT,
        "text reused          %d events (unchanged text: no inference)%n",
        summary.textReused());
    out.printf(
        Locale.ROOT,
        "throughput           %.1f records/s (first send to last outcome)%n",
        summary.throughputPerSecond(startMs));
    out.printf(
        Locale.ROOT,
        "end-to-end latency   p50 %d ms, p99 %d ms (input record time to outcome read; all records were sent at once, so queueing counts)%n",
        summary.latencyPercentileMs(50),
        summary.latencyPercentileMs(99));
    out.flush();
  }

  /** The strongest reasons either way: a low score is explained by what holds it down. */
  private static String reasons(List<Reason> reasons) {
    return reasons.stream()
        .sorted(Comparator.comparingDouble((Reason r) -> -Math.abs(r.getContribution())))
        .limit(TOP_REASONS)
        .map(r -> r.getLabel() + " " + ReasonPhrases.ENGLISH.points(r.getContribution()))
        .collect(Collectors.joining("; "));
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
