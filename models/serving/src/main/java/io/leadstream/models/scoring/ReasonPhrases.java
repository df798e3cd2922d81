package io.leadstream.models.scoring;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words reasons are written in, one phrase set per language: what the text read as, the
 * LeadEvent's own fields ("budget 42.5k EUR", "no meetings yet"), the labels of the built-in
 * features, and how a value, an unknown value and a few score points read. A bundle's reasons use
 * the set of its language ({@link #of(String)}); labels a mapping gave its columns are used as
 * written. Immutable.
 */
public final class ReasonPhrases {

  /**
   * Each phrase; templates take {@code %s} arguments ({@link PhraseTemplate}), counts in singular
   * and plural.
   */
  public enum Phrase {
    TEXT_BUYING,
    TEXT_MILD,
    TEXT_NONE,
    TEXT_UNREADABLE,
    NO_TEXT,
    BUDGET,
    NO_BUDGET,
    EMPLOYEE,
    EMPLOYEES,
    SIZE_UNKNOWN,
    REVENUE,
    REVENUE_UNKNOWN,
    INTENT,
    INTENT_NOT_RATED,
    DECISION_MAKER,
    NOT_DECISION_MAKER,
    DECISION_MAKER_UNKNOWN,
    MEETING,
    MEETINGS,
    NO_MEETINGS,
    VISIT,
    VISITS,
    NO_VISITS,
    EMAIL,
    EMAILS,
    NO_EMAILS,
    CONTACT_DAY,
    CONTACT_DAYS,
    CONTACTED_TODAY,
    CONTACT_UNKNOWN,
    PRIOR_DEAL,
    PRIOR_DEALS,
    NO_PRIOR_DEALS,
    PRIOR_REVENUE,
    NO_PRIOR_REVENUE,
    /** A feature without a value: the label. */
    UNKNOWN,
    /** A yes/no feature that is yes: the label. */
    YES,
    /** A yes/no feature that is no: the label. */
    NO,
    /** A feature's value: the label, then the value. */
    VALUE,
    /** A factor worth less than one score point either way. */
    UNDER_ONE_POINT
  }

  /** The LeadEvent fields that have phrases of their own, with their built-in English label. */
  private static final Map<String, String> FIELD_LABELS =
      Map.ofEntries(
          Map.entry("budget", "budget"),
          Map.entry("company.employees", "company size"),
          Map.entry("company.annualRevenue", "annual revenue"),
          Map.entry("purchaseIntent", "purchase intent"),
          Map.entry("contact.isDecisionMaker", "decision maker"),
          Map.entry("engagement.meetings", "meetings"),
          Map.entry("engagement.websiteVisits", "website visits"),
          Map.entry("engagement.emailsOpened", "emails opened"),
          Map.entry("engagement.daysSinceLastContact", "days since last contact"),
          Map.entry("cooperation.priorDeals", "prior deals"),
          Map.entry("cooperation.priorRevenue", "prior revenue"));

  /** English: what LeadStream has always written. */
  public static final ReasonPhrases ENGLISH = new ReasonPhrases("en", english(), Map.of());

  /** Simplified Chinese, for bundles that read Chinese leads. */
  public static final ReasonPhrases CHINESE =
      new ReasonPhrases(
          "zh",
          chinese(),
          Map.ofEntries(
              Map.entry("budget", "预算"),
              Map.entry("company size", "公司规模"),
              Map.entry("annual revenue", "年收入"),
              Map.entry("purchase intent", "购买意向"),
              Map.entry("decision maker", "决策者"),
              Map.entry("meetings", "会议"),
              Map.entry("website visits", "网站访问"),
              Map.entry("emails opened", "打开邮件"),
              Map.entry("days since last contact", "距上次联系天数"),
              Map.entry("prior deals", "以往成交"),
              Map.entry("prior revenue", "以往收入"),
              Map.entry("industry", "行业"),
              Map.entry("country", "国家/地区"),
              Map.entry("lead source", "线索来源"),
              Map.entry("text signal", "文本信号")));

  private final String language;
  private final Map<Phrase, PhraseTemplate> templates;
  private final Map<String, String> labels;

  private ReasonPhrases(
      String language, Map<Phrase, String> templates, Map<String, String> labels) {
    for (Phrase phrase : Phrase.values()) {
      if (!templates.containsKey(phrase)) {
        throw new IllegalArgumentException(language + " has no phrase " + phrase);
      }
    }
    this.language = language;
    Map<Phrase, PhraseTemplate> parsed = new EnumMap<>(Phrase.class);
    templates.forEach((phrase, template) -> parsed.put(phrase, PhraseTemplate.parse(template)));
    this.templates = Map.copyOf(parsed);
    this.labels = Map.copyOf(labels);
  }

  /**
   * The phrase set of a language code ({@code zh}, {@code zh-CN}, ...); English for any other and
   * for null.
   */
  public static ReasonPhrases of(String language) {
    return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("zh")
        ? CHINESE
        : ENGLISH;
  }

  /** ISO 639-1 code of this set: {@code en}, {@code zh}. */
  public String language() {
    return language;
  }

  /** A phrase with its arguments filled in. */
  public String format(Phrase phrase, Object... args) {
    return templates.get(phrase).fill(args);
  }

  /** A built-in English label in this language; any other label as written. */
  public String label(String label) {
    return labels.getOrDefault(label, label);
  }

  /**
   * Whether a feature reads as its field's own phrase ("budget 42.5k EUR"): its source is such a
   * field and its label the built-in one, in English or in this language. A label a mapping gave is
   * used as written instead ("deal size: 42,500").
   */
  public boolean hasFieldPhrase(FeatureSpec.Feature feature) {
    String builtIn = FIELD_LABELS.get(feature.source());
    return builtIn != null
        && (feature.label().equals(builtIn) || feature.label().equals(label(builtIn)));
  }

  /** An amount: "42.5k", "4.3M" in English; "4.25万", "1.2亿" in Chinese. */
  public String money(double amount) {
    double abs = Math.abs(amount);
    if (language.equals("zh")) {
      if (abs >= 100_000_000) {
        return trim(amount / 100_000_000) + "亿";
      }
      return abs >= 10_000 ? trim(amount / 10_000) + "万" : trim(amount);
    }
    if (abs >= 1_000_000) {
      return trim(amount / 1_000_000) + "M";
    }
    return abs >= 1_000 ? trim(amount / 1_000) + "k" : trim(amount);
  }

  /**
   * A factor's score points as a sales rep reads them: {@code +7}, {@code -3}, or "<1 point" when
   * they round to zero, so that the strongest factors of a lead at the flat ends of the score still
   * show.
   */
  public String points(double points) {
    long rounded = Math.round(points);
    return rounded == 0 ? format(Phrase.UNDER_ONE_POINT) : (rounded > 0 ? "+" : "") + rounded;
  }

  private static String trim(double value) {
    if (isWhole(value)) {
      return Long.toString((long) value);
    }
    return Math.abs(value) >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * Whether {@code "%.0f"} would print the number as its {@code long}: whole, not -0 (which prints
   * "-0"), and small enough to be exact.
   */
  private static boolean isWhole(double value) {
    return value == Math.rint(value)
        && Math.abs(value) < 1e15
        && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
  }

  /** A whole number with its thousands grouped by commas, as {@code "%,d"} prints it. */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int length = digits.length() - sign;
    if (length <= 3) {
      return digits;
    }
    StringBuilder text = new StringBuilder(digits.length() + length / 3);
    text.append(digits, 0, sign);
    int first = length % 3 == 0 ? 3 : length % 3;
    text.append(digits, sign, sign + first);
    for (int i = sign + first; i < digits.length(); i += 3) {
      text.append(',').append(digits, i, i + 3);
    }
    return text.toString();
  }

  private static Map<Phrase, String> english() {
    Map<Phrase, String> t = new EnumMap<>(Phrase.class);
    t.put(Phrase.TEXT_BUYING, "text reads as a buying signal (p=%s)");
    t.put(Phrase.TEXT_MILD, "text reads as mild interest (p=%s)");
    t.put(Phrase.TEXT_NONE, "text shows no buying signal (p=%s)");
    t.put(Phrase.TEXT_UNREADABLE, "text not readable by this model (%s%% unknown tokens)");
    t.put(Phrase.NO_TEXT, "no text to read (prior p=%s)");
    t.put(Phrase.BUDGET, "budget %s%s");
    t.put(Phrase.NO_BUDGET, "no budget given");
    t.put(Phrase.EMPLOYEE, "%s employee");
    t.put(Phrase.EMPLOYEES, "%s employees");
    t.put(Phrase.SIZE_UNKNOWN, "company size unknown");
    t.put(Phrase.REVENUE, "revenue %s%s");
    t.put(Phrase.REVENUE_UNKNOWN, "revenue unknown");
    t.put(Phrase.INTENT, "purchase intent %s/5");
    t.put(Phrase.INTENT_NOT_RATED, "purchase intent not rated");
    t.put(Phrase.DECISION_MAKER, "decision maker");
    t.put(Phrase.NOT_DECISION_MAKER, "not a decision maker");
    t.put(Phrase.DECISION_MAKER_UNKNOWN, "decision maker unknown");
    t.put(Phrase.MEETING, "%s meeting");
    t.put(Phrase.MEETINGS, "%s meetings");
    t.put(Phrase.NO_MEETINGS, "no meetings yet");
    t.put(Phrase.VISIT, "%s website visit");
    t.put(Phrase.VISITS, "%s website visits");
    t.put(Phrase.NO_VISITS, "no website visits");
    t.put(Phrase.EMAIL, "%s email opened");
    t.put(Phrase.EMAILS, "%s emails opened");
    t.put(Phrase.NO_EMAILS, "no emails opened");
    t.put(Phrase.CONTACT_DAY, "no contact for %s day");
    t.put(Phrase.CONTACT_DAYS, "no contact for %s days");
    t.put(Phrase.CONTACTED_TODAY, "contacted today");
    t.put(Phrase.CONTACT_UNKNOWN, "last contact unknown");
    t.put(Phrase.PRIOR_DEAL, "%s prior deal");
    t.put(Phrase.PRIOR_DEALS, "%s prior deals");
    t.put(Phrase.NO_PRIOR_DEALS, "no prior deals");
    t.put(Phrase.PRIOR_REVENUE, "prior revenue %s%s");
    t.put(Phrase.NO_PRIOR_REVENUE, "no prior revenue");
    t.put(Phrase.UNKNOWN, "%s unknown");
    t.put(Phrase.YES, "%s");
    t.put(Phrase.NO, "not %s");
    t.put(Phrase.VALUE, "%s: %s");
    t.put(Phrase.UNDER_ONE_POINT, "<1 point");
    return t;
  }

  private static Map<Phrase, String> chinese() {
    Map<Phrase, String> t = new EnumMap<>(Phrase.class);
    t.put(Phrase.TEXT_BUYING, "文本显示购买信号 (p=%s)");
    t.put(Phrase.TEXT_MILD, "文本显示一定兴趣 (p=%s)");
    t.put(Phrase.TEXT_NONE, "文本未显示购买信号 (p=%s)");
    t.put(Phrase.TEXT_UNREADABLE, "该模型读不懂这段文本 (%s%% 的词元未知)");
    t.put(Phrase.NO_TEXT, "没有可读的文本 (先验 p=%s)");
    t.put(Phrase.BUDGET, "预算 %s%s");
    t.put(Phrase.NO_BUDGET, "未提供预算");
    t.put(Phrase.EMPLOYEE, "员工 %s 人");
    t.put(Phrase.EMPLOYEES, "员工 %s 人");
    t.put(Phrase.SIZE_UNKNOWN, "公司规模未知");
    t.put(Phrase.REVENUE, "年收入 %s%s");
    t.put(Phrase.REVENUE_UNKNOWN, "年收入未知");
    t.put(Phrase.INTENT, "购买意向 %s/5");
    t.put(Phrase.INTENT_NOT_RATED, "购买意向未评级");
    t.put(Phrase.DECISION_MAKER, "决策者");
    t.put(Phrase.NOT_DECISION_MAKER, "非决策者");
    t.put(Phrase.DECISION_MAKER_UNKNOWN, "是否决策者未知");
    t.put(Phrase.MEETING, "已开会 %s 次");
    t.put(Phrase.MEETINGS, "已开会 %s 次");
    t.put(Phrase.NO_MEETINGS, "尚未开会");
    t.put(Phrase.VISIT, "访问网站 %s 次");
    t.put(Phrase.VISITS, "访问网站 %s 次");
    t.put(Phrase.NO_VISITS, "未访问网站");
    t.put(Phrase.EMAIL, "打开邮件 %s 封");
    t.put(Phrase.EMAILS, "打开邮件 %s 封");
    t.put(Phrase.NO_EMAILS, "未打开邮件");
    t.put(Phrase.CONTACT_DAY, "%s 天未联系");
    t.put(Phrase.CONTACT_DAYS, "%s 天未联系");
    t.put(Phrase.CONTACTED_TODAY, "今天已联系");
    t.put(Phrase.CONTACT_UNKNOWN, "上次联系时间未知");
    t.put(Phrase.PRIOR_DEAL, "以往成交 %s 笔");
    t.put(Phrase.PRIOR_DEALS, "以往成交 %s 笔");
    t.put(Phrase.NO_PRIOR_DEALS, "无以往成交");
    t.put(Phrase.PRIOR_REVENUE, "以往收入 %s%s");
    t.put(Phrase.NO_PRIOR_REVENUE, "无以往收入");
    t.put(Phrase.UNKNOWN, "%s未知");
    t.put(Phrase.YES, "%s: 是");
    t.put(Phrase.NO, "%s: 否");
    t.put(Phrase.VALUE, "%s: %s");
    t.put(Phrase.UNDER_ONE_POINT, "<1 分");
    return t;
  }
}
