/** The languages a sample board is written in: the UI's two. */
export type SampleLocale = 'zh-CN' | 'en'

/** What a user reads of a sample KPI; the formulas, numbers and stages are shared by both languages. */
export interface DemoKpiText {
  name: string
  description: string
  category: 'user' | 'business' | 'technical'
  owner?: string
  notes?: string
  target?: string
  /** Why the draft target is not understood, for the two vague drafts. */
  targetIssue?: string
  alert?: string
  rules?: string[]
  benchmark?: { label: string; source: string }
  milestones?: string[]
}

export const DEMO_CATEGORIES: Record<SampleLocale, Record<DemoKpiText['category'], string>> = {
  'zh-CN': { user: '用户价值', business: '业务', technical: '技术' },
  en: { user: 'User value', business: 'Business', technical: 'Technical' }
}

const ZH_PM = '产品经理'
const ZH_SRE = 'SRE 负责人'
const ZH_BACKEND = '后端负责人'
const ZH_SAMPLE = '示例数值，仅供演示'

const zh: Record<string, DemoKpiText> = {
  'KPI-D001': {
    name: '用户活跃度提升',
    description: '让更多用户更频繁地使用助手，显著提升整体活跃度。',
    category: 'user',
    notes: '来自启动会纪要的初稿：尚无目标值、负责人和频率。'
  },
  'KPI-D002': {
    name: '优化响应速度',
    description: '让用户明显感到助手变快了。',
    category: 'technical',
    target: '明显更快',
    targetIssue: '目标中没有数字或比较符。'
  },
  'KPI-U004': {
    name: '7日留存率',
    description: '首个活跃日落在本周期、且 7 天后再次活跃的用户占比。',
    category: 'user',
    owner: '增长经理',
    target: '≥ 40%',
    alert: '< 30%'
  },
  'KPI-T008': {
    name: '部署成功率',
    description: '本周期内开始的部署中成功的比例。',
    category: 'technical',
    owner: ZH_SRE,
    target: '≥ 99%',
    alert: '成功率 < 95%'
  },
  'KPI-U003': {
    name: '次日留存率',
    description: '首个活跃日落在本周期、且次日再次执行任务的用户占比。',
    category: 'user',
    owner: ZH_PM,
    target: '≥ 60%',
    alert: '< 50%',
    benchmark: { label: '效率类 SaaS 次日留存', source: ZH_SAMPLE }
  },
  'KPI-U007': {
    name: '会话平均时长',
    description: '本周期内开始的会话的平均时长。',
    category: 'user',
    owner: ZH_PM,
    target: '≥ 25分钟',
    alert: '< 15分钟'
  },
  'KPI-B002': {
    name: 'API 响应时间 P95',
    description: '本周期内 API 响应时间的第 95 百分位。',
    category: 'business',
    owner: ZH_BACKEND,
    target: 'P95 ≤ 500ms',
    alert: 'P95 > 800ms',
    rules: ['周环比上升 > 20%']
  },
  'KPI-U002': {
    name: '新增验证用户数',
    description: '本周期内注册并完成邮箱验证的用户数。',
    category: 'user',
    owner: '市场经理',
    target: '≥ 600/月',
    rules: ['月环比下降 > 15%']
  },
  'KPI-U010': {
    name: '用户满意度',
    description: '产品内满意度调查的平均分（1–5）。',
    category: 'user',
    owner: ZH_PM,
    target: '≥ 4.2/5.0',
    alert: '< 4.0'
  },
  'KPI-B003': {
    name: '任务成功率',
    description: '本周期内创建的任务中完成的比例。',
    category: 'business',
    owner: ZH_BACKEND,
    target: '≥ 95%',
    alert: '< 90%'
  },
  'KPI-U001': {
    name: '月活跃用户数',
    description: '本周期内至少执行过一次任务的外部用户数（去重）。',
    category: 'user',
    owner: ZH_PM,
    target: '12个月内达到3,000 MAU',
    alert: '< 目标值的80%',
    milestones: ['第3个月', '第6个月', '第9个月', '第12个月']
  },
  'KPI-U011': {
    name: '净推荐值',
    description: '推荐者（9–10 分）减去贬损者（0–6 分），占调查回复的百分比。',
    category: 'user',
    owner: ZH_PM,
    target: '≥ 40',
    alert: '< 30',
    benchmark: { label: 'B2B SaaS', source: ZH_SAMPLE }
  },
  'KPI-B001': {
    name: '系统可用性',
    description: '可用性检查中服务正常的比例。',
    category: 'business',
    owner: ZH_SRE,
    target: '≥ 99.9%',
    alert: '< 99.5%'
  },
  'KPI-T009': {
    name: '近90天平均故障恢复时间',
    description: '周期结束前 90 天内发现的故障，从发现到解决的平均分钟数。',
    category: 'technical',
    owner: ZH_SRE,
    target: '≤ 60分钟',
    alert: 'MTTR > 90分钟'
  }
}

const EN_PM = 'Product manager'
const EN_SRE = 'SRE lead'
const EN_BACKEND = 'Backend lead'
const EN_SAMPLE = 'Illustrative sample value'

const en: Record<string, DemoKpiText> = {
  'KPI-D001': {
    name: 'Engagement uplift',
    description: 'Get more users to use the assistant more often; lift engagement markedly.',
    category: 'user',
    notes: 'Draft from the kickoff notes: no target, owner or frequency yet.'
  },
  'KPI-D002': {
    name: 'Faster responses',
    description: 'Make the assistant feel noticeably faster for users.',
    category: 'technical',
    target: 'noticeably faster',
    targetIssue: 'No number or comparator in the target.'
  },
  'KPI-U004': {
    name: 'D7 retention',
    description: 'Share of users whose first active day falls in the period and who are active again 7 days later.',
    category: 'user',
    owner: 'Growth PM',
    target: '≥ 40%',
    alert: '< 30%'
  },
  'KPI-T008': {
    name: 'Deployment success',
    description: 'Successful deployments over all deployments started in the period.',
    category: 'technical',
    owner: EN_SRE,
    target: '≥ 99%',
    alert: 'success rate < 95%'
  },
  'KPI-U003': {
    name: 'D1 retention',
    description: 'Share of users whose first active day falls in the period and who run a task again the next day.',
    category: 'user',
    owner: EN_PM,
    target: '≥ 60%',
    alert: '< 50%',
    benchmark: { label: 'Productivity SaaS, day-1', source: EN_SAMPLE }
  },
  'KPI-U007': {
    name: 'Average session length',
    description: 'Average length of the sessions started in the period.',
    category: 'user',
    owner: EN_PM,
    target: '≥ 25 min',
    alert: '< 15 min'
  },
  'KPI-B002': {
    name: 'API latency P95',
    description: '95th percentile of API response times in the period.',
    category: 'business',
    owner: EN_BACKEND,
    target: 'P95 ≤ 500ms',
    alert: 'P95 > 800ms',
    rules: ['week-over-week rise > 20%']
  },
  'KPI-U002': {
    name: 'Verified sign-ups',
    description: 'Users who registered in the period and verified their e-mail.',
    category: 'user',
    owner: 'Marketing manager',
    target: '≥ 600/month',
    rules: ['month-over-month drop > 15%']
  },
  'KPI-U010': {
    name: 'Customer satisfaction (CSAT)',
    description: 'Average score of the in-product satisfaction survey (1–5).',
    category: 'user',
    owner: EN_PM,
    target: '≥ 4.2/5.0',
    alert: '< 4.0'
  },
  'KPI-B003': {
    name: 'Task success rate',
    description: 'Completed tasks over all tasks created in the period.',
    category: 'business',
    owner: EN_BACKEND,
    target: '≥ 95%',
    alert: '< 90%'
  },
  'KPI-U001': {
    name: 'Monthly active users (MAU)',
    description: 'Distinct external users who ran at least one task in the period.',
    category: 'user',
    owner: EN_PM,
    target: '3,000 MAU within 12 months',
    alert: '< 80% of target',
    milestones: ['Month 3', 'Month 6', 'Month 9', 'Month 12']
  },
  'KPI-U011': {
    name: 'Net promoter score (NPS)',
    description: 'Promoters (9–10) minus detractors (0–6), in percent of survey responses.',
    category: 'user',
    owner: EN_PM,
    target: '≥ 40',
    alert: '< 30',
    benchmark: { label: 'B2B SaaS', source: EN_SAMPLE }
  },
  'KPI-B001': {
    name: 'Availability',
    description: 'Share of availability checks that found the service up.',
    category: 'business',
    owner: EN_SRE,
    target: '≥ 99.9%',
    alert: '< 99.5%'
  },
  'KPI-T009': {
    name: 'Mean time to recovery (MTTR, 90 days)',
    description: 'Mean minutes from detection to resolution of incidents detected in the 90 days before the period ends.',
    category: 'technical',
    owner: EN_SRE,
    target: '≤ 60 min',
    alert: 'MTTR > 90 min'
  }
}

export const DEMO_TEXT: Record<SampleLocale, Record<string, DemoKpiText>> = { 'zh-CN': zh, en }

/** The words of the sample board itself and of its history, per language. */
export const SAMPLE_WORDS: Record<
  SampleLocale,
  { board: string; description: string; actor: string; drafted: string; firstVersion: string; passed: string; afterTrial: string }
> = {
  'zh-CN': {
    board: 'AI 助手 KPI 看板（示例）',
    description: '一个 AI 助手产品的示例看板：各生命周期阶段的 KPI，数据来自演示数据仓库。',
    actor: '示例数据',
    drafted: '根据示例 PRD 起草',
    firstVersion: '根据 PRD 起草的看板',
    passed: '已通过开发评审',
    afterTrial: '开发评审及前几个月试运行之后'
  },
  en: {
    board: 'AI assistant KPI board (sample)',
    description: 'Sample board of an AI assistant product: KPIs at every lifecycle stage, measured on the demo warehouse.',
    actor: 'KPI Loop sample',
    drafted: 'Drafted from the sample PRD',
    firstVersion: 'Draft board from the PRD',
    passed: 'Passed the dev review',
    afterTrial: 'After the dev review and the first trial months'
  }
}
