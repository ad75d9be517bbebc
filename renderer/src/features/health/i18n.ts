// Strings of the health light, its tooltip and the drawer's "How it is judged" section.
export const healthI18n = {
  en: {
    grain: { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' },
    aggregation: {
      sum: 'Sum (counts, amounts)',
      mean: 'Mean (rates, levels)',
      last: 'Last value (levels at a moment)',
      none: 'None (percentiles: never combined)'
    },
    health: {
      inProgress: 'In progress',
      inProgressValue: '{{value}} so far',
      projection: 'Projection at the period’s end: {{value}}',
      unjudged: 'No colour',
      inferred: '{{value}} (inferred)',
      judging: 'How it is judged',
      judgingHelp:
        'Values finer than the target period are combined by the aggregation before the light is decided; empty means inferred from the target, unit and name.',
      current: 'Health now',
      period: 'Period {{period}}',
      decidedBy: 'Decided by: {{rule}}.',
      decidedByOverrode: 'Decided by: {{rule}}. It overrode the ratio rule, which would give {{level}}.',
      rule: {
        target: 'the target (the value meets it: green)',
        ratio: 'the ratios (red below {{red}}, yellow below {{yellow}} of target)',
        'red-value': 'the absolute red value {{redValue}}',
        range: 'the target range (yellow outside, red beyond the red margin)',
        'zero-target': 'the zero target (anything above 0 is red)',
        comparison: 'the target (no ratio exists for it)',
        'no-target': 'no structured target',
        'no-value': 'no value yet',
        'no-previous': 'a change target without the previous period',
        'in-progress': 'the period has not ended: not judged until it does',
        'not-aggregable': 'values that cannot be combined honestly into the target period',
        incomplete: 'a sum missing some of its periods'
      }
    }
  },
  zhCN: {
    grain: { day: '日', week: '周', month: '月', quarter: '季度' },
    aggregation: {
      sum: '求和（计数、金额）',
      mean: '平均（比率、水平）',
      last: '期末值（某一时刻的存量）',
      none: '不汇总（百分位数不能合并）'
    },
    health: {
      inProgress: '进行中',
      inProgressValue: '目前 {{value}}',
      projection: '预计期末：{{value}}（推算）',
      unjudged: '不判定',
      inferred: '{{value}}（推断）',
      judging: '判定方式',
      judgingHelp: '比目标周期更细的数值先按汇总方式合并，再判定红黄绿；留空表示根据目标、单位和名称推断。',
      current: '当前健康度',
      period: '周期 {{period}}',
      decidedBy: '决定规则：{{rule}}。',
      decidedByOverrode: '决定规则：{{rule}}。它取代了比例规则（按比例应为{{level}}）。',
      rule: {
        target: '目标（数值已达标：绿色）',
        ratio: '比例（低于目标的 {{red}} 为红，低于 {{yellow}} 为黄）',
        'red-value': '红色绝对阈值 {{redValue}}',
        range: '目标区间（区间外为黄，超出红线为红）',
        'zero-target': '零目标（任何大于 0 的值都是红色）',
        comparison: '目标（无法计算达成率）',
        'no-target': '没有结构化目标',
        'no-value': '还没有数值',
        'no-previous': '变化率目标缺少上一周期的数值',
        'in-progress': '周期尚未结束：结束前不判定',
        'not-aggregable': '数值无法如实汇总到目标周期',
        incomplete: '合计缺少部分周期的数值'
      }
    }
  }
}
