package io.leadstream.models.training;

import io.leadstream.models.training.LeadPhrases.Intent;
import io.leadstream.models.training.LeadPhrases.Junk;
import java.util.List;
import java.util.Map;

/**
 * Chinese B2B CRM phrases for the synthetic generator, written the way Chinese sales reps log leads
 * (short clauses, full-width punctuation, English product and system names kept as is), with the
 * same intents, junk kinds and placeholders as the English ones.
 *
 * <p>The tables mirror the English ones in {@link LeadPhrases} line for line because they fill the
 * same record in another language for the one generator and {@link LeadPhrases#fill}: they share a
 * shape, not logic, so the two languages stay apart.
 */
final class ChinesePhrases {
  private ChinesePhrases() {}

  private static final Map<Intent, List<String>> NOTES =
      Map.of(
          Intent.READY,
          List.of(
              "客户有意向采购我们的产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。",
              "客户要求提供{n}个账号的正式报价，希望{deadline}前签合同。",
              "预算已批准，采购部要求{deadline}前拿到合同。",
              "{title}确认试点效果很好，准备进入采购流程。",
              "需要{n}个许可证的报价单，本周内下单。",
              "法务正在审核我们的合同条款，预计{deadline}下采购订单。",
              "和{competitor}对比之后选择了我们，等待盖章签字。",
              "{approver}已经口头同意，书面文件{deadline}跟进。",
              "试点很成功，计划{month}推广到{n}个用户。"),
          Intent.EVALUATING,
          List.of(
              "正在对比我们和{competitor}，要求安排一次技术交流。",
              "{n}个用户在试用，评估期到{deadline}。",
              "希望给{team}团队做产品演示，并提供{industry}行业的客户案例。",
              "有兴趣，但需要{approver}审批。",
              "询问能否与{system}集成，是否支持单点登录。",
              "已入围三家供应商，计划{month}做决定。",
              "想为{team}团队开通试用账号，测试业务流程。"),
          Intent.CURIOUS,
          List.of(
              "下载了关于{topic}的白皮书。",
              "听完{topic}的线上研讨会后订阅了简报。",
              "咨询了一些功能问题，没有提到时间计划。",
              "在{event}上交换了名片，暂时没有具体项目。",
              "正在了解几家供应商，先看看市场情况。",
              "索要了产品手册，没有提到具体项目。"),
          Intent.NOT_NOW,
          List.of(
              "今年没有预算，{quarter}再联系。",
              "刚和{competitor}签了三年合同。",
              "公司在调整组织架构，项目暂停。",
              "冻结编制，所有新工具推迟到{quarter}。",
              "对接人已离职，目前没人负责这件事。",
              "第一次通话后就没有回音，两次跟进都没回复。"),
          Intent.NO_FIT,
          List.of(
              "规模太小，只需要免费工具，暂无需求。",
              "要求把他们从邮件列表中删除。",
              "需要我们没有的功能（{feature}）。",
              "报价远超他们的承受能力。",
              "只需要一次性的报表，不需要软件。",
              "明确表示没有兴趣，两分钟就挂了电话，不再联系。"));

  private static final Map<Intent, List<String>> MESSAGES =
      Map.of(
          Intent.READY,
          List.of(
              "您好，请发一下{n}个用户的最终报价，我们想{day}开始。",
              "我们准备好了，请把合同和开票信息发过来。",
              "预算昨天已经批下来了，签约的下一步是什么？",
              "今天能给我们订单吗？{month}要给{n}个人推广。",
              "采购需要贵司的供应商登记表才能下采购订单。",
              "好消息：董事会批准了采购，{day}安排项目启动会吧。",
              "需要报价，希望下周签合同。"),
          Intent.EVALUATING,
          List.of(
              "谢谢演示。能否分享一个{industry}企业的案例？",
              "我们在筛选供应商，贵司产品能和{system}集成吗？",
              "下周能否给{n}个用户安排试用？",
              "我们{approver}希望下次开会前看到价格方案。",
              "和{competitor}相比，贵司的售后支持和上线培训怎么样？",
              "{day}贵司能和我们IT安全的同事开个会吗？"),
          Intent.CURIOUS,
          List.of(
              "您好，只是随便看看，有产品手册吗？",
              "能发一些产品资料给我吗？",
              "贵公司具体是做什么的？",
              "谢谢研讨会的链接。",
              "关于{topic}的文章很有意思，谢谢分享。",
              "有可以订阅的简报吗？"),
          Intent.NOT_NOW,
          List.of(
              "谢谢，不过明年之前都没有预算，{quarter}再联系吧。",
              "我们和{competitor}的合同到{year}年才结束。",
              "项目暂时搁置了，有变化我会联系您。",
              "目前不是我们的重点，抱歉。",
              "管理层暂时冻结了所有新增支出。",
              "{quarter}再联系我吧，我们正在忙系统迁移。"),
          Intent.NO_FIT,
          List.of(
              "请把我从邮件列表中删除。",
              "我们没有兴趣，谢谢。",
              "价格远超我们的预算，我们会用免费的替代品。",
              "这不是我们要找的东西。",
              "别再打电话了，我们暂无需求。",
              "我们只需要{feature}，贵司没有，那就算了。"));

  private static final List<String> CONTEXT =
      List.of(
          "官网表单进来的线索。",
          "在{city}的{event}上认识的。",
          "老客户推荐。",
          "通过合作伙伴门户进来的。",
          "{day}和{title}通了电话。",
          "{topic}研讨会后的跟进。",
          "陌生拜访，第二封邮件后回复了。");

  private static final List<String> DETAILS =
      List.of(
          "{team}团队共{n}人。",
          "目前用Excel表格和邮件管理客户。",
          "现在使用{system}。",
          "总部在{city}。",
          "他们提到今年业务增长很快。",
          "IT由外包公司负责。");

  private static final Map<Junk, List<String>> JUNK_NOTES =
      Map.of(
          Junk.SPAM, List.of("", "表单里有可疑链接。", "疑似机器人注册。"),
          Junk.STUDENT, List.of("学生，为毕业论文咨询问题。", "大学课程作业，不会采购。"),
          Junk.JOB_SEEKER, List.of("想找工作，不是买产品。", "求职者用了销售咨询表单。"),
          Junk.COMPETITOR, List.of("竞争对手在做市场调研。", "{competitor}的员工，索要我们的价格表。"),
          Junk.TEST, List.of("测试 测试", "test", "asdf 测试线索"),
          Junk.EMPTY_COMPANY, List.of("", "asdf", "无"));

  private static final Map<Junk, List<String>> JUNK_MESSAGES =
      Map.of(
          Junk.SPAM,
          List.of(
              "恭喜您中奖！免费领取iPhone，点击链接：http://bit.ly/win-now",
              "专业SEO优化，保证百度首页！！！速回",
              "今日特价，一万粉丝只要99元，限时优惠"),
          Junk.STUDENT,
          List.of("您好，我是学生，正在写关于CRM软件的毕业论文，能回答几个问题吗？", "大学作业需要了解贵司的定价模式。"),
          Junk.JOB_SEEKER,
          List.of("我想应聘销售工程师岗位，简历见附件。", "请问贵司招人吗？我在找市场方向的实习。"),
          Junk.COMPETITOR,
          List.of("我们在做行业供应商的市场调研，能发一份完整的价格表吗？", "能分享一下贵司的产品路线图和折扣政策吗？"),
          Junk.TEST,
          List.of("测试", "test test 123", ""),
          Junk.EMPTY_COMPANY,
          List.of("", "你好", "?"));

  private static final Map<String, List<String>> SLOTS =
      Map.ofEntries(
          Map.entry("n", List.of("5", "10", "12", "20", "25", "40", "50", "80", "120", "200")),
          Map.entry("deadline", List.of("月底", "周五", "本季度末", "下周", "3月31日")),
          Map.entry("competitor", List.of("销售易", "纷享销客", "Salesforce", "HubSpot", "一家本地供应商")),
          Map.entry("approver", List.of("财务总监", "总经理", "董事会", "IT负责人", "采购部")),
          Map.entry("team", List.of("销售", "运营", "财务", "客户成功", "物流")),
          Map.entry("industry", List.of("制造", "物流", "软件", "零售", "医疗")),
          Map.entry("system", List.of("SAP", "用友", "金蝶", "钉钉", "企业微信")),
          Map.entry("topic", List.of("销售预测", "线索评分", "销售自动化", "CRM数据治理")),
          Map.entry("event", List.of("进博会", "世界人工智能大会", "广交会", "合作伙伴交流会", "行业展会")),
          Map.entry("city", List.of("北京", "上海", "深圳", "广州", "杭州", "成都", "苏州", "南京", "武汉")),
          Map.entry("title", List.of("总经理", "销售负责人", "IT经理", "运营总监", "财务总监")),
          Map.entry("day", List.of("周一", "周二", "周三", "周四", "周五")),
          Map.entry("month", List.of("1月", "3月", "4月", "6月", "9月", "10月")),
          Map.entry("quarter", List.of("一季度", "二季度", "三季度", "四季度", "明年")),
          Map.entry("year", List.of("2027", "2028")),
          Map.entry("feature", List.of("本地部署版本", "移动收银", "薪资管理", "税务模块")));

  /** The Chinese phrases; sentences end in full-width punctuation, so they join without a space. */
  static final LeadPhrases PHRASES =
      new LeadPhrases(NOTES, MESSAGES, CONTEXT, DETAILS, JUNK_NOTES, JUNK_MESSAGES, SLOTS, "");
}
