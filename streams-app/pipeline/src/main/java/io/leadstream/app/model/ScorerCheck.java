package io.leadstream.app.model;

import io.leadstream.app.streams.errors.Causes;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;
import java.util.List;

/**
 * Scores a fixed set of canary leads and checks that every answer is plausible: p(opportunity) in
 * [0, 1], a probability in [0, 1], a score of 0-100 and a tier; then reads one text as long as the
 * manifest's {@code maxTokens} allows. Run on a bundle before it may serve (start-up and live
 * reload), and when a record fails in the model, to tell a record the model cannot score from a
 * model that cannot score at all; readiness runs the canary leads alone.
 */
public final class ScorerCheck {

  private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");
  private static final List<LeadEvent> CANARIES =
      List.of(
          LeadEvent.newBuilder()
              .setEventId("canary-1")
              .setLeadId("canary-1")
              .setOccurredAt(AT)
              .setCompany(
                  Company.newBuilder()
                      .setName("Canary Logistics")
                      .setIndustry("logistics")
                      .setEmployees(1200)
                      .setAnnualRevenue(2.5e8)
                      .setCountry("DE")
                      .build())
              .setContact(
                  Contact.newBuilder()
                      .setName("Canary Contact")
                      .setTitle("Head of Operations")
                      .setIsDecisionMaker(true)
                      .build())
              .setBudget(120_000.0)
              .setCurrency("EUR")
              .setPurchaseIntent(4)
              .setEngagement(
                  Engagement.newBuilder()
                      .setWebsiteVisits(8)
                      .setEmailsOpened(5)
                      .setMeetings(2)
                      .setDaysSinceLastContact(3)
                      .build())
              .setNotes(
                  "Budget approved; they asked for a quote for 200 seats and a start next quarter.")
              .setLastMessage("Please send the contract draft.")
              .build(),
          LeadEvent.newBuilder()
              .setEventId("canary-2")
              .setLeadId("canary-2")
              .setOccurredAt(AT)
              .setNotes("student project, collecting brochures")
              .setPurchaseIntent(1)
              .build(),
          LeadEvent.newBuilder()
              .setEventId("canary-3")
              .setLeadId("canary-3")
              .setOccurredAt(AT)
              .build());

  /**
   * More words than any bundle's {@code maxTokens}: the tokenizer truncates it to the longest text
   * the encoder reads, which a model with fewer position embeddings than that cannot read.
   */
  private static final String LONGEST_TEXT = "lead ".repeat(4096);

  private ScorerCheck() {}

  /**
   * The whole check, before a bundle serves and when a record failed in the model: the canary
   * leads, then the longest text.
   *
   * @throws IllegalStateException naming what is wrong; or whatever the scorer throws
   */
  public static void check(LeadScorer scorer) {
    checkCanaries(scorer);
    try {
      scorer.readTexts(List.of(LONGEST_TEXT));
    } catch (RuntimeException e) {
      // not a cause: callers report the root cause, and this message is the one that helps
      IllegalStateException longest =
          new IllegalStateException(
              "the model reads the canary leads but fails on a text of the most tokens its"
                  + " manifest allows (maxTokens): does the model read that many (its position"
                  + " embeddings)? "
                  + Causes.rootCause(e));
      longest.addSuppressed(e);
      throw longest;
    }
  }

  /**
   * The canary leads only: what readiness checks every few seconds on the bundle serving, which
   * passed {@link #check} before it served (a longest text through a large encoder would cost a
   * share of a core at that pace).
   *
   * @throws IllegalStateException naming what is wrong; or whatever the scorer throws
   */
  public static void checkCanaries(LeadScorer scorer) {
    List<TextSignal> texts = scorer.readTexts(CANARIES.stream().map(LeadText::of).toList());
    for (int i = 0; i < CANARIES.size(); i++) {
      double p = texts.get(i).opportunityProbability();
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalStateException(
            "p(opportunity) " + p + " outside [0, 1] for canary lead " + (i + 1));
      }
      LeadScore score = scorer.score(CANARIES.get(i), texts.get(i));
      if (!(score.probability() >= 0 && score.probability() <= 1)
          || score.score() < 0
          || score.score() > 100
          || score.tier() == null) {
        throw new IllegalStateException(
            "implausible score " + score + " for canary lead " + (i + 1));
      }
    }
  }
}
