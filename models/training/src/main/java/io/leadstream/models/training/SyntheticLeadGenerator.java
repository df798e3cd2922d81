package io.leadstream.models.training;

import io.leadstream.models.training.LeadPhrases.Intent;
import io.leadstream.models.training.LeadPhrases.Junk;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.CooperationHistory;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic synthetic B2B leads with conversion labels, for training, tests and demos.
 *
 * <p>Each lead has a hidden fit (a standard normal) that shapes its fields, and a hidden text
 * intent (ready, evaluating, curious, not now, no fit) that chooses the phrases of its notes and
 * last message and also moves its conversion odds. The label is a Bernoulli draw from a logit over
 * company size, budget, decision maker, rated intent, meetings, visits, prior deals, recency,
 * industry, lead source and the text intent, plus noise, so labels are noisy, the base rate is
 * about a quarter, and the text carries signal the fields lack. About 8% of leads are junk (spam,
 * students, job seekers, competitors, test entries, empty companies) that almost never convert. The
 * same seed gives the same leads. Not thread-safe.
 *
 * <p>{@link #shiftTo(Regime)} changes the hidden process for the leads generated after it (a market
 * that changes at a known moment); the draws are the same in every regime, only the logit's weights
 * differ, so the default {@link Regime#STANDARD} gives the same leads as before regimes existed.
 *
 * <p>Texts are English by default; with {@link Language#ZH} they are Chinese and the companies and
 * people Chinese too (amounts in CNY, HKD or SGD), drawn by the same hidden process, so the text
 * carries the same signal in either language.
 */
public final class SyntheticLeadGenerator {

  /** The fixed clock start used by {@link #SyntheticLeadGenerator(long)}. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T08:00:00Z");

  private static final double JUNK_SHARE = 0.08;
  private static final double INTERCEPT = -2.15;

  private static final String[] INDUSTRIES = {
    "software",
    "manufacturing",
    "logistics",
    "retail",
    "finance",
    "healthcare",
    "energy",
    "education",
    "public sector",
    "media"
  };
  private static final double[] INDUSTRY_WEIGHT = {18, 16, 11, 11, 10, 9, 7, 6, 6, 6};
  private static final double[] INDUSTRY_EFFECT = {
    0.3, 0.1, 0.15, -0.2, 0.2, 0.1, 0.2, -0.45, -0.35, -0.1
  };

  private static final double[] DECISION_MAKER_RATE = {0.01, 0.03, 0.1, 0.35, 0.7, 0.9, 0.97};

  private static final String[] LEAD_SOURCES = {
    "web_form", "referral", "trade_show", "cold_outreach", "partner", "webinar"
  };
  private static final double[] LEAD_SOURCE_WEIGHT = {30, 12, 14, 22, 10, 12};
  private static final double[] LEAD_SOURCE_EFFECT = {0.0, 0.55, 0.1, -0.45, 0.3, -0.1};

  private static final Intent[] INTENTS = Intent.values();
  private static final double[] INTENT_WEIGHT = {0.11, 0.24, 0.31, 0.18, 0.16};
  private static final double[] INTENT_EFFECT = {2.6, 1.2, 0.0, -1.4, -2.6};

  /**
   * A hidden process: how much the text intent and the budget move a lead's conversion odds.
   *
   * @param intercept the logit's constant
   * @param intentWeight multiplies the text intent's effect on the logit
   * @param fieldWeight multiplies the effects of the other fields (size, decision maker, rated
   *     intent, engagement, prior deals, industry, lead source)
   * @param budgetWeight logit per unit of log budget (relative to 8,000)
   * @param noBudget logit of a lead without a budget
   */
  public record Regime(
      String name,
      double intercept,
      double intentWeight,
      double fieldWeight,
      double budgetWeight,
      double noBudget) {

    /** The process every bundle so far was trained on. */
    public static final Regime STANDARD = new Regime("standard", INTERCEPT, 1, 1, 0.5, -0.3);

    /**
     * A changed market: neither the text nor the other fields move the odds any more, only the
     * budget does, four times as much, and a lead without one seldom converts; about as many leads
     * convert as before.
     */
    public static final Regime BUDGET_LED = new Regime("budget-led", -0.9, 0, 0, 2.0, -1.5);

    /** The regimes by name: standard, budget-led. */
    public static final List<Regime> ALL = List.of(STANDARD, BUDGET_LED);

    /**
     * The regime called {@code name}.
     *
     * @throws IllegalArgumentException naming the known regimes when none is called so
     */
    public static Regime named(String name) {
      return ALL.stream()
          .filter(regime -> regime.name().equals(name))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no regime '"
                          + name
                          + "'; known: "
                          + String.join(", ", ALL.stream().map(Regime::name).toList())));
    }
  }

  private final Random random;
  private final Instant start;
  private final Language language;
  private final LeadPhrases phrases;
  private final LeadMarket market;
  private final Map<String, Profile> profiles = new HashMap<>();
  private Regime regime = Regime.STANDARD;
  private int leadsMade;

  /** An English generator whose clock starts at {@link #DEFAULT_START}. */
  public SyntheticLeadGenerator(long seed) {
    this(seed, DEFAULT_START);
  }

  /** An English generator whose events are dated from {@code start} on. */
  public SyntheticLeadGenerator(long seed, Instant start) {
    this(seed, start, Language.EN);
  }

  /** A generator writing in {@code language} whose clock starts at {@link #DEFAULT_START}. */
  public SyntheticLeadGenerator(long seed, Language language) {
    this(seed, DEFAULT_START, language);
  }

  /**
   * A generator writing in {@code language} whose events are dated from {@code start} on. The
   * English generator's leads do not depend on whether other languages exist: the same seed gives
   * the same English leads as before they did.
   */
  public SyntheticLeadGenerator(long seed, Instant start, Language language) {
    this.random = new Random(seed);
    this.start = start;
    this.language = language;
    this.phrases = language.phrases();
    this.market = language.market();
  }

  /**
   * The name training records for leads of this language: {@code SyntheticLeadGenerator} for
   * English (as older bundles say), {@code SyntheticLeadGenerator (zh)} for the others.
   */
  public static String source(Language language) {
    String name = SyntheticLeadGenerator.class.getSimpleName();
    return language == Language.EN ? name : name + " (" + language.code() + ")";
  }

  /** The language of a {@link #source(Language)} name, or null when it names no generator. */
  public static Language languageOfSource(String source) {
    for (Language language : Language.values()) {
      if (source(language).equals(source)) {
        return language;
      }
    }
    return null;
  }

  /** The language this generator writes in. */
  public Language language() {
    return language;
  }

  /** The hidden process of the leads generated from now on. */
  public void shiftTo(Regime next) {
    this.regime = next;
  }

  /** The hidden process of the next lead. */
  public Regime regime() {
    return regime;
  }

  /** The hidden state of one lead, kept so follow-up events stay in character. */
  private record Profile(Intent intent, Junk junk, double fit) {}

  /** The next {@code count} new leads with their labels. */
  public List<LabelledLead> generate(int count) {
    List<LabelledLead> leads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      leads.add(next());
    }
    return leads;
  }

  /** One new lead with its label. */
  public LabelledLead next() {
    int index = leadsMade++;
    String leadId = String.format("lead-%06d", index + 1);
    Instant occurredAt = start.plus(Duration.ofMinutes(index * 7L + random.nextInt(7)));
    if (random.nextDouble() < JUNK_SHARE) {
      Junk junk = Junk.values()[random.nextInt(Junk.values().length)];
      profiles.put(leadId, new Profile(Intent.NO_FIT, junk, -2));
      return new LabelledLead(junkLead(leadId, occurredAt, junk), random.nextDouble() < 0.01);
    }
    double fit = random.nextGaussian();
    Intent intent = INTENTS[pickTilted(INTENT_WEIGHT, fit)];
    profiles.put(leadId, new Profile(intent, null, fit));
    return realLead(leadId, occurredAt, fit, intent);
  }

  private LabelledLead realLead(String leadId, Instant occurredAt, double fit, Intent intent) {
    int k = intent.direction;
    int industry = pick(INDUSTRY_WEIGHT);
    String country = market.countries().get(pick(market.countryWeight()));
    String currency = market.currency().get(country);
    int employees =
        (int)
            Math.min(
                250_000,
                Math.max(1, Math.round(Math.exp(4.6 + 1.5 * random.nextGaussian() + 0.2 * fit))));
    boolean employeesKnown = random.nextDouble() >= 0.06;
    Double revenue =
        random.nextDouble() < 0.2
            ? null
            : (double) Math.round(employees * Math.exp(11.8 + 0.5 * random.nextGaussian()) / 1000)
                * 1000;

    int seniority = seniority(employees);
    String title = pickOne(market.titles().get(seniority));
    Boolean decisionMaker =
        random.nextDouble() < 0.08 ? null : random.nextDouble() < DECISION_MAKER_RATE[seniority];

    Double budget = null;
    if (random.nextDouble() >= 0.3) {
      double mean = Math.log(8000) + 0.45 * Math.log(employees / 100.0) + 0.3 * fit + 0.05 * k;
      budget =
          Math.max(500, Math.round(Math.exp(mean + 0.8 * random.nextGaussian()) / 500) * 500.0);
    }
    Integer purchaseIntent =
        random.nextDouble() < 0.15
            ? null
            : (int) clamp(Math.round(3 + 0.7 * fit + 0.15 * k + 0.9 * random.nextGaussian()), 1, 5);

    CooperationHistory cooperation = null;
    if (random.nextDouble() >= 0.1) {
      int deals = poisson(0.35 * (employees > 200 ? 1.8 : 1) * Math.exp(0.3 * fit));
      double priorRevenue = 0;
      for (int d = 0; d < deals; d++) {
        priorRevenue += Math.round(Math.exp(9.8 + 0.7 * random.nextGaussian()));
      }
      cooperation = new CooperationHistory(deals, priorRevenue);
    }

    Engagement engagement = null;
    if (random.nextDouble() >= 0.05) {
      Integer days =
          random.nextDouble() < 0.08
              ? null
              : (int)
                  Math.min(
                      365,
                      Math.round(
                          -Math.log(1 - random.nextDouble())
                              * 20
                              * Math.exp(-0.3 * fit - 0.05 * k)));
      engagement =
          new Engagement(
              poisson(Math.exp(1.2 + 0.3 * fit + 0.05 * k)),
              poisson(Math.exp(0.8 + 0.2 * fit)),
              poisson(Math.exp(-0.8 + 0.4 * fit + 0.1 * k)),
              days);
    }
    int leadSource = pick(LEAD_SOURCE_WEIGHT);

    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("leadSource", LEAD_SOURCES[leadSource]);
    attributes.put(
        "campaign", pickOne(new String[] {"spring-2026", "webinar-series", "partner-q1", "none"}));

    String notes = random.nextDouble() < 0.08 ? null : notesFor(intent);
    String lastMessage =
        random.nextDouble() < 0.12
            ? null
            : phrases.fill(pickOne(phrases.messages().get(blur(intent))), random);

    LeadEvent event =
        LeadEvent.newBuilder()
            .setEventId(uuid())
            .setLeadId(leadId)
            .setOccurredAt(occurredAt)
            .setSourceSystem("synthetic")
            .setCompany(
                new Company(
                    companyName(country),
                    INDUSTRIES[industry],
                    employeesKnown ? employees : null,
                    market.money(revenue, currency),
                    country))
            .setContact(new Contact(personName(), title, decisionMaker))
            .setBudget(market.money(budget, currency))
            .setCurrency(currency)
            .setPurchaseIntent(purchaseIntent)
            .setCooperation(
                cooperation == null
                    ? null
                    : new CooperationHistory(
                        cooperation.getPriorDeals(),
                        market.money(cooperation.getPriorRevenue(), currency)))
            .setEngagement(engagement)
            .setNotes(notes)
            .setLastMessage(lastMessage)
            .setAttributes(attributes)
            .build();

    double fieldEffects =
        0.35 * (Math.log(employees) - 4.6) / 1.5
            + (decisionMaker == null ? 0.2 : decisionMaker ? 0.6 : 0)
            + (purchaseIntent == null ? 0 : 0.35 * (purchaseIntent - 3))
            + (engagement == null
                ? -0.2
                : 0.35 * Math.min(engagement.getMeetings(), 4)
                    + 0.04 * Math.min(engagement.getWebsiteVisits(), 20)
                    - 0.015
                        * Math.min(
                            engagement.getDaysSinceLastContact() == null
                                ? 30
                                : engagement.getDaysSinceLastContact(),
                            120))
            + (cooperation == null
                ? 0
                : (cooperation.getPriorDeals() > 0 ? 0.45 : 0)
                    + 0.1 * Math.min(cooperation.getPriorDeals(), 3))
            + INDUSTRY_EFFECT[industry]
            + LEAD_SOURCE_EFFECT[leadSource];
    double logit =
        regime.intercept()
            + regime.fieldWeight() * fieldEffects
            + (budget == null
                ? regime.noBudget()
                : regime.budgetWeight() * (Math.log(budget) - Math.log(8000)))
            + regime.intentWeight() * INTENT_EFFECT[intent.ordinal()]
            + 0.5 * random.nextGaussian();
    boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
    return new LabelledLead(event, converted);
  }

  private LeadEvent junkLead(String leadId, Instant occurredAt, Junk junk) {
    String country = market.countries().get(pick(market.countryWeight()));
    boolean competitor = junk == Junk.COMPETITOR;
    LeadMarket.JunkNames names = market.junk();
    Company company =
        switch (junk) {
          case EMPTY_COMPANY ->
              random.nextBoolean() ? null : new Company("", null, null, null, null);
          case STUDENT ->
              new Company(
                  String.format(names.universityFormat(), pickOne(phrases.slots().get("city"))),
                  "education",
                  null,
                  null,
                  country);
          case TEST ->
              new Company(names.testCompany(), null, random.nextBoolean() ? 1 : null, null, null);
          case SPAM -> new Company(pickOne(names.spamCompanies()), null, null, null, null);
          default ->
              new Company(
                  competitor
                      ? String.format(
                          names.competitorFormat(),
                          pickOne(market.stems()),
                          market.legalForm().get(country))
                      : companyName(country),
                  competitor ? "software" : null,
                  competitor ? (int) Math.round(Math.exp(5 + random.nextGaussian())) : null,
                  null,
                  country);
        };
    String title =
        switch (junk) {
          case STUDENT -> names.student();
          case JOB_SEEKER -> pickOne(names.jobSeekerTitles());
          case COMPETITOR -> pickOne(names.competitorTitles());
          default -> null;
        };
    Boolean decisionMaker = Boolean.FALSE;
    if (competitor) {
      decisionMaker = random.nextBoolean();
    } else if (junk == Junk.TEST) {
      decisionMaker = null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(
        "leadSource", random.nextBoolean() ? "web_form" : LEAD_SOURCES[pick(LEAD_SOURCE_WEIGHT)]);
    String notes = phrases.fill(pickOne(phrases.junkNotes().get(junk)), random);
    String message = phrases.fill(pickOne(phrases.junkMessages().get(junk)), random);
    return LeadEvent.newBuilder()
        .setEventId(uuid())
        .setLeadId(leadId)
        .setOccurredAt(occurredAt)
        .setSourceSystem("synthetic")
        .setCompany(company)
        .setContact(
            new Contact(
                junk == Junk.TEST ? names.testContact() : personName(), title, decisionMaker))
        .setBudget(
            competitor && random.nextBoolean()
                ? market.money(20000.0, market.currency().get(country))
                : null)
        .setCurrency(market.currency().get(country))
        .setPurchaseIntent(
            random.nextDouble() < 0.4 ? null : 1 + random.nextInt(competitor ? 4 : 3))
        .setCooperation(null)
        .setEngagement(
            new Engagement(
                poisson(2), poisson(0.5), competitor ? poisson(0.5) : 0, random.nextInt(60)))
        .setNotes(notes.isEmpty() ? null : notes)
        .setLastMessage(message.isEmpty() ? null : message)
        .setAttributes(attributes)
        .build();
  }

  /**
   * The next CRM event of an existing lead: engagement moves on, the contact gap changes, the rated
   * intent may shift, and now and then a new note or message arrives in the lead's own voice;
   * otherwise the text stays the same. Unknown leads are treated as curious.
   */
  public LeadEvent followUp(LeadEvent previous) {
    Profile profile =
        profiles.getOrDefault(previous.getLeadId(), new Profile(Intent.CURIOUS, null, 0));
    int k = profile.intent().direction;
    LeadEvent.Builder next =
        copyOf(previous)
            .setEventId(uuid())
            .setOccurredAt(
                previous.getOccurredAt().plus(Duration.ofMinutes(30 + random.nextInt(72 * 60))));
    Engagement old =
        previous.getEngagement() == null ? new Engagement(0, 0, 0, null) : previous.getEngagement();
    boolean contacted = random.nextDouble() < 0.4 + 0.1 * k;
    int days = old.getDaysSinceLastContact() == null ? 0 : old.getDaysSinceLastContact();
    next.setEngagement(
        new Engagement(
            old.getWebsiteVisits() + poisson(Math.max(0.2, 1 + 0.5 * k)),
            old.getEmailsOpened() + poisson(0.8),
            old.getMeetings() + (random.nextDouble() < Math.max(0.02, 0.15 + 0.1 * k) ? 1 : 0),
            contacted ? 0 : days + 1 + random.nextInt(7)));
    if (previous.getPurchaseIntent() != null && random.nextDouble() < 0.15) {
      next.setPurchaseIntent(
          (int)
              clamp(
                  previous.getPurchaseIntent() + Integer.signum(k == 0 ? random.nextInt(3) - 1 : k),
                  1,
                  5));
    }
    if (profile.junk() == null) {
      if (random.nextDouble() < 0.2) {
        String note = phrases.fill(pickOne(phrases.notes().get(blur(profile.intent()))), random);
        next.setNotes(
            previous.getNotes() == null ? note : previous.getNotes() + phrases.separator() + note);
      }
      if (random.nextDouble() < 0.15) {
        next.setLastMessage(
            phrases.fill(pickOne(phrases.messages().get(blur(profile.intent()))), random));
      }
    }
    return next.build();
  }

  /**
   * A builder holding a copy of {@code event}, built field by field: Avro's own deep copy loads the
   * record classes by name, which Avro 1.12 refuses for packages it has not been told to trust.
   */
  private static LeadEvent.Builder copyOf(LeadEvent event) {
    Company company = event.getCompany();
    Contact contact = event.getContact();
    CooperationHistory cooperation = event.getCooperation();
    Engagement engagement = event.getEngagement();
    return LeadEvent.newBuilder()
        .setEventId(event.getEventId())
        .setLeadId(event.getLeadId())
        .setOccurredAt(event.getOccurredAt())
        .setSourceSystem(event.getSourceSystem())
        .setCompany(
            company == null
                ? null
                : new Company(
                    company.getName(),
                    company.getIndustry(),
                    company.getEmployees(),
                    company.getAnnualRevenue(),
                    company.getCountry()))
        .setContact(
            contact == null
                ? null
                : new Contact(contact.getName(), contact.getTitle(), contact.getIsDecisionMaker()))
        .setBudget(event.getBudget())
        .setCurrency(event.getCurrency())
        .setPurchaseIntent(event.getPurchaseIntent())
        .setCooperation(
            cooperation == null
                ? null
                : new CooperationHistory(
                    cooperation.getPriorDeals(), cooperation.getPriorRevenue()))
        .setEngagement(
            engagement == null
                ? null
                : new Engagement(
                    engagement.getWebsiteVisits(),
                    engagement.getEmailsOpened(),
                    engagement.getMeetings(),
                    engagement.getDaysSinceLastContact()))
        .setNotes(event.getNotes())
        .setLastMessage(event.getLastMessage())
        .setAttributes(new LinkedHashMap<>(event.getAttributes()));
  }

  private String notesFor(Intent intent) {
    StringBuilder notes = new StringBuilder();
    String separator = phrases.separator();
    if (random.nextDouble() < 0.75) {
      notes.append(phrases.fill(pickOne(phrases.context()), random)).append(separator);
    }
    notes.append(phrases.fill(pickOne(phrases.notes().get(blur(intent))), random));
    if (random.nextDouble() < 0.5) {
      notes.append(separator).append(phrases.fill(pickOne(phrases.details()), random));
    }
    if (random.nextDouble() < 0.35) {
      notes
          .append(separator)
          .append(phrases.fill(pickOne(phrases.notes().get(blur(intent))), random));
    }
    return notes.toString();
  }

  /** The intent a phrase is drawn from: usually the lead's own, sometimes a neighbour's. */
  private Intent blur(Intent intent) {
    if (random.nextDouble() >= 0.12) {
      return intent;
    }
    int shifted = intent.ordinal() + (random.nextBoolean() ? 1 : -1);
    return INTENTS[(int) clamp(shifted, 0, INTENTS.length - 1)];
  }

  private int seniority(int employees) {
    double small = employees < 20 ? 1.5 : 0;
    double[] weights = {6, 14, 18, 24, 18, 12, 8 + 10 * small};
    return pick(weights);
  }

  private String companyName(String country) {
    String stem = pickOne(market.stems());
    String tail = pickOne(market.tails());
    String kind = pickOne(market.kinds());
    return String.format(market.companyFormat(), stem, tail, kind, market.legalForm().get(country));
  }

  private String personName() {
    String first = pickOne(market.firstNames());
    String last = pickOne(market.lastNames());
    return String.format(market.personFormat(), first, last);
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Picks an intent with weights tilted toward buying when {@code fit} is high. */
  private int pickTilted(double[] weights, double fit) {
    double[] tilted = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      tilted[i] = weights[i] * Math.exp(0.3 * fit * INTENTS[i].direction);
    }
    return pick(tilted);
  }

  private <T> T pickOne(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pickOne(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private int poisson(double lambda) {
    double limit = Math.exp(-Math.min(lambda, 30));
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      n++;
      product *= random.nextDouble();
    }
    return n;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
