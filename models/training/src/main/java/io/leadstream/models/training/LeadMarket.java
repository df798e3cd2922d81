package io.leadstream.models.training;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Who the synthetic leads are, per language: countries and their currencies, how company and person
 * names are made, job titles by seniority, and the names junk leads come with.
 *
 * @param countries country codes, with {@code countryWeight} their shares
 * @param currency currency of each country
 * @param legalForm legal-form suffix of company names per country
 * @param perEuro money amounts are drawn in euro and multiplied by this per currency; a currency
 *     not listed keeps the drawn number (the English leads' behaviour)
 * @param stems first part of company names
 * @param tails second part of company names
 * @param kinds line of business in company names
 * @param companyFormat {@link String#format} of a company name from stem, tail, kind, legal form
 * @param titles job titles, from intern (0) to chief executive (6)
 * @param personFormat {@link String#format} of a person's name from first name and last name
 * @param junk names that junk leads carry
 */
record LeadMarket(
    List<String> countries,
    double[] countryWeight,
    Map<String, String> currency,
    Map<String, String> legalForm,
    Map<String, Double> perEuro,
    List<String> stems,
    List<String> tails,
    List<String> kinds,
    String companyFormat,
    List<List<String>> titles,
    List<String> firstNames,
    List<String> lastNames,
    String personFormat,
    JunkNames junk) {

  /**
   * Names that junk leads carry.
   *
   * @param universityFormat {@link String#format} of a student's university from a city
   * @param spamCompanies company names of spam sign-ups
   * @param competitorFormat {@link String#format} of a competitor's name from stem, legal form
   * @param testCompany company of test entries
   * @param testContact contact of test entries
   * @param student a student's title
   * @param jobSeekerTitles titles of job seekers (null: none given)
   * @param competitorTitles titles of competitors' staff
   */
  record JunkNames(
      String universityFormat,
      List<String> spamCompanies,
      String competitorFormat,
      String testCompany,
      String testContact,
      String student,
      List<String> jobSeekerTitles,
      List<String> competitorTitles) {}

  /** Western European and US leads, the English generator's (and the default bundle's). */
  static final LeadMarket EUROPE =
      new LeadMarket(
          List.of("DE", "FR", "GB", "US", "NL", "CH", "ES", "IT", "AT", "IE", "BE"),
          new double[] {22, 12, 14, 18, 7, 5, 6, 6, 4, 3, 3},
          Map.ofEntries(
              Map.entry("DE", "EUR"),
              Map.entry("FR", "EUR"),
              Map.entry("GB", "GBP"),
              Map.entry("US", "USD"),
              Map.entry("NL", "EUR"),
              Map.entry("CH", "CHF"),
              Map.entry("ES", "EUR"),
              Map.entry("IT", "EUR"),
              Map.entry("AT", "EUR"),
              Map.entry("IE", "EUR"),
              Map.entry("BE", "EUR")),
          Map.ofEntries(
              Map.entry("DE", "GmbH"),
              Map.entry("FR", "SAS"),
              Map.entry("GB", "Ltd"),
              Map.entry("US", "Inc."),
              Map.entry("NL", "B.V."),
              Map.entry("CH", "AG"),
              Map.entry("ES", "S.L."),
              Map.entry("IT", "S.r.l."),
              Map.entry("AT", "GmbH"),
              Map.entry("IE", "Ltd"),
              Map.entry("BE", "BV")),
          Map.of(),
          List.of(
              "Nord", "Alpen", "Blue", "Iron", "Silver", "Green", "Bright", "Rhein", "Atlas",
              "Nova", "Delta", "Summit", "Oak", "Falcon", "Pioneer", "Vertex", "Harbor", "Kestrel",
              "Lumen", "Orbit"),
          List.of(
              "wind", "tech", "works", "line", "soft", "logic", "field", "stone", "bridge",
              "point"),
          List.of(
              "Logistics",
              "Systems",
              "Solutions",
              "Industries",
              "Group",
              "Labs",
              "Partners",
              "Trading",
              "Health",
              "Energy"),
          "%1$s%2$s %3$s %4$s",
          List.of(
              List.of("Intern", "Working Student", "Trainee"),
              List.of("Assistant", "Coordinator", "Analyst", "Engineer"),
              List.of("Specialist", "Senior Engineer", "Team Lead", "Consultant"),
              List.of("Manager", "Operations Manager", "IT Manager", "Procurement Manager"),
              List.of(
                  "Head of Operations", "Head of IT", "Director of Sales", "Director of Finance"),
              List.of("VP Engineering", "VP Operations", "CFO", "CTO", "COO"),
              List.of("CEO", "Founder", "Managing Director")),
          List.of(
              "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Paul", "Emma", "Louis", "Olivia",
              "James", "Chloe", "Noah", "Lea", "Matteo", "Sara", "David", "Julia", "Tom", "Eva",
              "Daniel"),
          List.of(
              "Müller",
              "Schmidt",
              "Martin",
              "Bernard",
              "Smith",
              "Jones",
              "Rossi",
              "García",
              "de Vries",
              "Keller",
              "Brown",
              "Fischer",
              "Dubois",
              "Weber",
              "Taylor",
              "Janssen",
              "Moreau",
              "Wagner"),
          "%1$s %2$s",
          new JunkNames(
              "University of %s",
              List.of("Best Deals", "SEO King", "xyz", ""),
              "%sCRM Software %s",
              "Test",
              "Test Test",
              "Student",
              Arrays.asList("Applicant", "Sales Engineer", null),
              List.of("Product Manager", "Head of Marketing", "CEO")));

  /**
   * Leads from mainland China, Hong Kong and Singapore: names like 上海华信物流有限公司 and 王伟, amounts in
   * CNY, HKD and SGD.
   */
  static final LeadMarket CHINA =
      new LeadMarket(
          List.of("CN", "HK", "SG"),
          new double[] {88, 7, 5},
          Map.of("CN", "CNY", "HK", "HKD", "SG", "SGD"),
          Map.of("CN", "有限公司", "HK", "（香港）有限公司", "SG", "（新加坡）私人有限公司"),
          Map.of("CNY", 7.8, "HKD", 8.4, "SGD", 1.45),
          List.of(
              "华信", "博远", "鼎盛", "瑞丰", "恒通", "海纳", "金桥", "天成", "远航", "卓越", "新创", "宏达", "嘉禾", "星辰",
              "凯瑞", "安泰", "德润", "中联", "启明", "万象"),
          List.of("北京", "上海", "深圳", "广州", "杭州", "苏州", "成都", "南京", "武汉", "天津"),
          List.of("物流", "系统", "科技", "实业", "集团", "信息技术", "咨询", "贸易", "医疗", "能源"),
          "%2$s%1$s%3$s%4$s",
          List.of(
              List.of("实习生", "管培生", "助理实习生"),
              List.of("助理", "专员", "分析师", "工程师"),
              List.of("主管", "高级工程师", "组长", "顾问"),
              List.of("经理", "运营经理", "IT经理", "采购经理"),
              List.of("运营总监", "IT总监", "销售总监", "财务总监"),
              List.of("技术副总裁", "运营副总裁", "首席财务官", "首席技术官", "首席运营官"),
              List.of("总经理", "创始人", "董事长")),
          List.of(
              "伟", "娜", "敏", "洋", "静", "帆", "磊", "婷", "昊", "丽", "强", "琳", "斌", "峰", "平", "晓燕", "志强",
              "丹丹", "建华", "雪梅"),
          List.of(
              "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "吴", "徐", "孙", "朱", "胡", "郭", "何", "林", "高",
              "罗"),
          "%2$s%1$s",
          new JunkNames(
              "%s大学",
              List.of("特价批发", "SEO优化", "xyz", ""),
              "%sCRM软件%s",
              "测试",
              "测试 测试",
              "学生",
              Arrays.asList("应聘者", "销售工程师", null),
              List.of("产品经理", "市场负责人", "CEO")));

  /** {@code amount} in euro as an amount in {@code currency}, rounded to 100. */
  Double money(Double amount, String currency) {
    Double rate = perEuro.get(currency);
    if (amount == null || rate == null) {
      return amount;
    }
    return Math.round(amount * rate / 100) * 100.0;
  }
}
