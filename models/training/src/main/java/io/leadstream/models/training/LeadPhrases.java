package io.leadstream.models.training;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrase pools and slot values the synthetic generator composes lead texts from, in one language.
 * Templates hold {@code {slot}} placeholders that {@link #fill} replaces with a random value.
 *
 * @param notes CRM note sentences per hidden intent
 * @param messages last-message texts per hidden intent
 * @param context opening sentences of a note (how the lead came in)
 * @param details closing sentences of a note (facts about the company)
 * @param junkNotes notes of junk leads
 * @param junkMessages messages of junk leads
 * @param slots values of each placeholder
 * @param separator what joins two sentences of a note (a space in English, nothing in Chinese)
 */
record LeadPhrases(
    Map<Intent, List<String>> notes,
    Map<Intent, List<String>> messages,
    List<String> context,
    List<String> details,
    Map<Junk, List<String>> junkNotes,
    Map<Junk, List<String>> junkMessages,
    Map<String, List<String>> slots,
    String separator) {

  /** The hidden intent a lead's text expresses, from ready to buy to no fit. */
  enum Intent {
    READY(2),
    EVALUATING(1),
    CURIOUS(0),
    NOT_NOW(-1),
    NO_FIT(-2);

    final int direction;

    Intent(int direction) {
      this.direction = direction;
    }
  }

  /** Kinds of leads that are not worth sales time. */
  enum Junk {
    SPAM,
    STUDENT,
    JOB_SEEKER,
    COMPETITOR,
    TEST,
    EMPTY_COMPANY
  }

  private static final Map<Intent, List<String>> NOTES =
      Map.of(
          Intent.READY,
          List.of(
              "They asked for a formal quote for {n} seats and want to sign before {deadline}.",
              "Budget is approved; procurement wants the contract by {deadline}.",
              "The {title} confirmed they are ready to move forward after the pilot.",
              "Wants pricing for {n} licenses and an order form this week.",
              "Legal is reviewing our MSA, purchase order expected {deadline}.",
              "They picked us over {competitor} and are waiting on the signature.",
              "Verbal yes from the {approver}; paperwork to follow {deadline}.",
              "Pilot was a success, they want to roll out to {n} users in {month}."),
          Intent.EVALUATING,
          List.of(
              "Comparing us with {competitor}; asked for a technical deep-dive.",
              "Running an evaluation with {n} users until {deadline}.",
              "Requested a demo for the {team} team and references from {industry} customers.",
              "Interested, but needs sign-off from the {approver}.",
              "Asked about integration with {system} and single sign-on.",
              "Shortlisted three vendors, decision planned for {month}.",
              "Wants a trial account for the {team} team to test the workflow."),
          Intent.CURIOUS,
          List.of(
              "Downloaded the whitepaper on {topic}.",
              "Signed up for the newsletter after the webinar on {topic}.",
              "General questions about features, no timeline mentioned.",
              "Exchanged cards at {event}, no concrete project yet.",
              "Browsing several vendors to understand the market.",
              "Asked for a brochure, did not mention a project."),
          Intent.NOT_NOW,
          List.of(
              "No budget this year, maybe revisit in {quarter}.",
              "Just signed a three-year contract with {competitor}.",
              "Project on hold due to a reorganisation.",
              "Hiring freeze; all new tools postponed until {quarter}.",
              "Champion left the company, nobody owns the topic now.",
              "They went quiet after the first call and missed two follow-ups."),
          Intent.NO_FIT,
          List.of(
              "Too small for our product; they need a free tool.",
              "Asked to be removed from the mailing list.",
              "Looking for a feature we don't offer ({feature}).",
              "Price was far above what they can pay.",
              "They only need a one-off report, not software.",
              "Clearly not interested, ended the call after two minutes."));

  private static final Map<Intent, List<String>> MESSAGES =
      Map.of(
          Intent.READY,
          List.of(
              "Hi, please send the final quote for {n} users, we want to start on {day}.",
              "We're ready to go ahead. Can you send the contract and invoice details?",
              "Our budget was approved yesterday. What are the next steps to sign?",
              "Can we get the order form today? We'd like to roll out to {n} people in {month}.",
              "Procurement needs your vendor registration form to issue the purchase order.",
              "Great news: the board approved the purchase. Let's schedule the kickoff for {day}."),
          Intent.EVALUATING,
          List.of(
              "Thanks for the demo. Could you share a case study from a {industry} company?",
              "We're shortlisting vendors. Does your product integrate with {system}?",
              "Could we schedule a trial for {n} users next week?",
              "Our {approver} wants to see pricing tiers before the next meeting.",
              "How does your offer compare to {competitor} on support and onboarding?",
              "Can your team join a call with our IT security people on {day}?"),
          Intent.CURIOUS,
          List.of(
              "Hi, just browsing your website. Do you have a brochure?",
              "Can you send me more information about your product?",
              "What does your company do exactly?",
              "Thanks for the webinar link.",
              "Interesting article on {topic}, thanks for sharing.",
              "Do you have a newsletter I can subscribe to?"),
          Intent.NOT_NOW,
          List.of(
              "Thanks, but we have no budget until next year. Please check back in {quarter}.",
              "We are locked into a contract with {competitor} until {year}.",
              "The project has been put on hold, I'll reach out if that changes.",
              "Not a priority for us right now, sorry.",
              "Our management froze all new spending for the time being.",
              "Please contact me again in {quarter}, we are busy with a migration."),
          Intent.NO_FIT,
          List.of(
              "Please remove me from your mailing list.",
              "We are not interested, thank you.",
              "Your pricing is way beyond our means, we'll use a free alternative.",
              "This is not what we were looking for.",
              "Stop calling us, we don't need this.",
              "We only needed {feature}, which you don't have, so no."));

  private static final List<String> CONTEXT =
      List.of(
          "Inbound lead from the website contact form.",
          "Met at {event} in {city}.",
          "Referred by an existing customer.",
          "Came in through the partner portal.",
          "Call with the {title} on {day}.",
          "Follow-up after the {topic} webinar.",
          "Cold outreach, replied to the second email.");

  private static final List<String> DETAILS =
      List.of(
          "Team of {n} in {team}.",
          "Currently using spreadsheets and email.",
          "Uses {system} today.",
          "Headquarters in {city}.",
          "They mentioned growing fast this year.",
          "IT is run by an external agency.");

  private static final Map<Junk, List<String>> JUNK_NOTES =
      Map.of(
          Junk.SPAM, List.of("", "Form submission with a suspicious link.", "Bot-like signup."),
          Junk.STUDENT,
              List.of("Student asking questions for a thesis.", "University project, no purchase."),
          Junk.JOB_SEEKER,
              List.of("Wants a job, not our product.", "Applicant who used the sales form."),
          Junk.COMPETITOR,
              List.of(
                  "Competitor doing market research.",
                  "Works for {competitor}, asked for our price list."),
          Junk.TEST, List.of("test test", "test", "asdf test lead"),
          Junk.EMPTY_COMPANY, List.of("", "asdf", "n/a"));

  private static final Map<Junk, List<String>> JUNK_MESSAGES =
      Map.of(
          Junk.SPAM,
          List.of(
              "Congratulations!!! You have won a free iPhone, click here: http://bit.ly/win-now",
              "Cheap SEO services, guaranteed first page on Google!!! Reply now",
              "Buy 10k followers today, best price, limited offer"),
          Junk.STUDENT,
          List.of(
              "Hi, I'm a student writing my thesis on CRM software, could you answer a few questions?",
              "For a university assignment I need information about your pricing model."),
          Junk.JOB_SEEKER,
          List.of(
              "I'd like to apply for the sales engineer position, please find my CV attached.",
              "Are you hiring? I am looking for an internship in marketing."),
          Junk.COMPETITOR,
          List.of(
              "We're doing market research on vendors in your space; could you send your full price list?",
              "Could you share your product roadmap and discount structure?"),
          Junk.TEST,
          List.of("test", "test test 123", ""),
          Junk.EMPTY_COMPANY,
          List.of("", "hello", "?"));

  private static final Map<String, List<String>> SLOTS =
      Map.ofEntries(
          Map.entry("n", List.of("5", "10", "12", "20", "25", "40", "50", "80", "120", "200")),
          Map.entry(
              "deadline",
              List.of(
                  "end of the month", "Friday", "the end of the quarter", "next week", "March 31")),
          Map.entry(
              "competitor",
              List.of("Salesforce", "HubSpot", "Pipedrive", "Zoho", "a local vendor")),
          Map.entry(
              "approver",
              List.of("CFO", "managing director", "board", "head of IT", "procurement team")),
          Map.entry(
              "team", List.of("sales", "operations", "finance", "customer success", "logistics")),
          Map.entry(
              "industry",
              List.of("manufacturing", "logistics", "software", "retail", "healthcare")),
          Map.entry(
              "system", List.of("SAP", "Microsoft Dynamics", "Salesforce", "Outlook", "Slack")),
          Map.entry(
              "topic",
              List.of("pipeline forecasting", "lead scoring", "sales automation", "CRM hygiene")),
          Map.entry(
              "event",
              List.of(
                  "the SaaS Summit", "CeBIT", "Web Summit", "a partner meetup", "the trade fair")),
          Map.entry(
              "city",
              List.of(
                  "Berlin",
                  "Munich",
                  "Paris",
                  "London",
                  "Amsterdam",
                  "Zurich",
                  "Madrid",
                  "Milan",
                  "New York")),
          Map.entry(
              "title", List.of("CEO", "head of sales", "IT manager", "operations director", "CFO")),
          Map.entry("day", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
          Map.entry("month", List.of("January", "March", "April", "June", "September", "October")),
          Map.entry("quarter", List.of("Q1", "Q2", "Q3", "Q4", "the new year")),
          Map.entry("year", List.of("2027", "2028")),
          Map.entry(
              "feature",
              List.of("an on-premise version", "a mobile POS", "payroll", "a German tax module")));

  /** The English phrases: the default, from which the default bundle was trained. */
  static final LeadPhrases ENGLISH =
      new LeadPhrases(NOTES, MESSAGES, CONTEXT, DETAILS, JUNK_NOTES, JUNK_MESSAGES, SLOTS, " ");

  private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

  /**
   * The template with each placeholder replaced by one of its values, drawn from {@code random}.
   */
  String fill(String template, Random random) {
    Matcher matcher = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      List<String> values = slots.get(matcher.group(1));
      String value = values == null ? matcher.group() : values.get(random.nextInt(values.size()));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
