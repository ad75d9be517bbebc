/** A mixed PRD: a Chinese section with a table, an English prose section, and a long Chinese section. */
export const mixedPrd = [
  '# 智能客服 PRD',
  '',
  '本文档描述智能客服助手第一期的目标。',
  '',
  '## 核心指标总览',
  '',
  '| 编号 | 指标 | 目标 |',
  '|---|---|---|',
  '| KPI-S01 | 首次响应时间 | P95 ≤ 30 秒 |',
  '| KPI-S02 | 自助解决率 | ≥ 45% |',
  '',
  '## Retention goals',
  '',
  'We want teams to keep using the assistant after the first month. Concretely, the share of teams that are still active on day 30 should reach at least 35% within two quarters, measured weekly from the events table by the growth lead.',
  '',
  '## 自助解决率细节',
  '',
  ...Array.from(
    { length: 6 },
    (_, i) =>
      `第 ${i + 1} 段：自助解决率指用户未转人工即关闭会话的比例，数据来自会话日志，每日统计，由客服运营负责。我们希望它逐月提升，最终稳定在 45% 以上。\n`
  ),
  ''
].join('\n')
