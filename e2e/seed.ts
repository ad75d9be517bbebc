import type { NewKpi } from '../electron/domain/kpi-input'
import type { Runtime } from '../electron/api/dispatch/runtime'

type Core = Runtime['core']
const actor = 'e2e'

/** A small support-desk board at several stages, with one version and a few revisions. */
export function seedSupportBoard(core: Core) {
  const kpis: NewKpi[] = [
    {
      code: 'KPI-S001',
      name: '工单首次响应时长',
      description: '从工单创建到客服首次回复的时长',
      category: '用户价值',
      dataSource: '工单系统日志',
      target: 'P95 ≤ 30分钟',
      owner: '张伟',
      frequency: 'daily',
      stage: 'trial',
      status: 'adjusting'
    },
    {
      code: 'KPI-S002',
      name: 'AI 推荐答案采纳率',
      description: '坐席采纳 AI 推荐答案的比例',
      category: '技术',
      dataSource: 'AI 服务日志',
      target: '≥ 60%',
      owner: '李娜',
      frequency: 'weekly',
      stage: 'draft',
      status: 'proposed'
    },
    {
      code: 'KPI-S003',
      name: 'SLA 达成率',
      category: '业务',
      dataSource: 'SLA 监控',
      target: '≥ 95%',
      owner: '王芳',
      frequency: 'monthly',
      stage: 'launched',
      status: 'stable'
    },
    {
      code: 'KPI-S004',
      name: '客户满意度',
      description: '工单关闭后的满意度评分',
      category: '用户价值',
      dataSource: '问卷系统',
      target: '≥ 4.5/5',
      owner: '李娜',
      frequency: 'monthly',
      stage: 'feasibility',
      status: 'adopted'
    },
    { code: 'KPI-S005', name: '知识库覆盖率', category: '业务', dataSource: '知识库', target: '显著提升', owner: '', stage: 'draft', status: 'proposed' },
    {
      code: 'KPI-S006',
      name: '月活跃坐席数',
      category: '业务',
      dataSource: 'analytics',
      target: '6个月内达到1,000 MAU',
      owner: '王芳',
      frequency: 'monthly',
      stage: 'draft',
      status: 'proposed'
    }
  ]
  const board = core.boards.create('客服中心 KPI 看板', '客服产品的核心指标，从初稿到试运行', actor)
  const views = kpis.map((fields) => core.kpis.add(board.id, fields, { actor, reason: '从 PRD 导入' }))
  core.versions.cut(board.id, { label: 'v0.1', note: 'PRD 初稿' }, actor)
  core.kpis.edit(views[0]!.id, { target: 'P95 ≤ 40分钟', owner: '张伟' }, { actor, reason: '试运行两周，实际 P95 为 45 分钟，先放宽目标' })
  core.kpis.edit(views[1]!.id, { benchmarks: [{ label: '行业均值', value: '55%', source: '客服行业报告 2025' }] }, { actor, reason: '补充行业基准' })
  return board
}

/** A board of `count` generated KPIs in one transaction, for the virtualization test. */
export function seedLargeBoard(core: Core, count: number) {
  const stages = ['draft', 'feasibility', 'trial', 'launched', 'operating'] as const
  return core.transaction(() => {
    const board = core.boards.create('大型看板', `${count} 个生成的指标`, actor)
    for (let i = 1; i <= count; i++) {
      const code = `KPI-${String(i).padStart(5, '0')}`
      core.kpis.add(
        board.id,
        { code, name: `指标 ${i}`, target: `≥ ${i % 100}%`, owner: `负责人${i % 7}`, category: `分类${i % 5}`, stage: stages[i % 5] },
        { actor }
      )
    }
    return board
  })
}
