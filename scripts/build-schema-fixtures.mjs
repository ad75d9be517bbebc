// Builds db/fixtures/schema-N.kpiloop: a workspace written by the last app of each earlier schema
// (taken from git history), so that tests upgrade real files. Run from the repository root:
//   node scripts/build-schema-fixtures.mjs
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

// The last commit on main before each schema change: the app a user may still have run.
const SCHEMAS = [
  { schema: 2, commit: '9fcddc3^', note: 'migrations 0000–0001 (audit log with a board index)' },
  { schema: 3, commit: 'd293070^', note: 'migrations 0000–0002 (KPIs with a head pointer, AUTOINCREMENT ids)' },
  { schema: 4, commit: '53c76d9^1', note: 'migrations 0000–0003 (no source note, no result mapping)' },
  { schema: 5, commit: '2799e96^1', note: 'migrations 0000–0004 (no PRD passages)' },
  { schema: 6, commit: 'a5f8f7e^1', note: 'migrations 0000–0005 (no launch plan, prompts in one language)' },
  { schema: 7, commit: '6ee2700^1', note: 'migrations 0000–0006 (no target period or aggregation)' }
]
// `node scripts/build-schema-fixtures.mjs 6 7` rebuilds only those (the others stay byte for byte).
const only = process.argv.slice(2).map(Number)

const PRD = `# 客服助手 PRD

## 用户价值

### KPI-U001 首次响应时间
- 目标: P95 ≤ 2s
- 衡量定义: 用户发出问题到助手首个字出现的时间
- 数据源: 前端埋点
- 监控频率: 每日
- 负责人: 体验组

### KPI-U002 问题解决率
- 目标: ≥ 80%
- 衡量定义: 会话结束时用户确认已解决的比例
- 数据源: 会话日志
- 监控频率: 每周
- 负责人: 产品经理

### KPI-U003 次日留存率
- 目标: ≥ 45%
- 数据源: 用户行为表
- 监控频率: 每日
- 负责人: 增长组

## Business

### KPI-B001 Weekly active teams
- Target: 1000+
- Definition: teams with at least one resolved conversation in the week
- Data source: warehouse
- Frequency: weekly
- Owner: growth

### KPI-B002 Cost per conversation
- Target: ≤ $0.05
- Data source: billing export
- Frequency: monthly
- Owner: finance

## 技术

### KPI-T001 服务可用性
- 目标: ≥ 99.9%
- 数据源: 监控平台
- 监控频率: 每日
- 负责人: SRE

### KPI-T002 高危漏洞
- 目标: 0个高危漏洞
- 数据源: 安全扫描
- 监控频率: 每月
- 负责人: 安全组

### KPI-T003 模型回答准确率
- 目标: 显著提升
- 负责人: 算法组
`

const root = resolve(import.meta.dirname, '..')
const out = join(root, 'db', 'fixtures')
mkdirSync(out, { recursive: true })

for (const { schema, commit, note } of SCHEMAS.filter((s) => only.length === 0 || only.includes(s.schema))) {
  const app = mkdtempSync(join(tmpdir(), `kpiloop-schema-${schema}-`))
  execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} | tar -x -C "${app}"`])
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'))
  // Apps since the CLI ships as built JavaScript run their bundle: build it as their install did.
  if (existsSync(join(app, 'scripts', 'build-node.mjs'))) execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: app, stdio: 'inherit' })
  const db = join(app, 'workspace.kpiloop')
  const prd = join(app, 'prd.md')
  writeFileSync(prd, PRD)
  const cli = (...args) =>
    execFileSync(process.execPath, ['bin/kpiloop.mjs', '--db', db, ...args], {
      cwd: app,
      env: { ...process.env, KPILOOP_ACTOR: 'fixture-pm' },
      stdio: ['ignore', 'pipe', 'inherit']
    })
  const board = ['--board', '客服助手']
  // The import creates the board's KPIs and cuts v0.1.
  cli('import', prd, ...board)
  cli('kpi', 'add', ...board, '--code', 'KPI-U004', '--name', 'NPS', '--target', '≥ 40', '--set', 'owner=产品经理', '--set', 'frequency=monthly')
  cli('kpi', 'edit', ...board, 'KPI-U002', '--set', 'target=≥ 75%', '--reason', '开发评审：知识库覆盖不足')
  cli('kpi', 'edit', ...board, 'KPI-U003', '--set', 'formula=SELECT 0.47', '--set', 'dataSource=manual', '--reason', 'manual until the events ship')
  cli('note', ...board, '--kind', 'dev-review', '留存事件目前只在 Web 端上报')
  cli('version', 'cut', ...board, '--label', 'v0.2', '--note', 'after the dev review')
  cli('stage', 'set', ...board, 'KPI-U002', 'feasibility', '--reason', 'gate reviewed in the meeting')
  cli('stage', 'set', ...board, 'KPI-U002', 'trial', '--reason', 'entered by hand during the trial')
  for (const [period, value] of [
    ['2025-09', '71.5'],
    ['2025-10', '74.2'],
    ['2025-11', '78.9']
  ])
    cli('actuals', 'add', ...board, 'KPI-U002', '--period', period, '--value', value)
  cli('actuals', 'add', ...board, 'KPI-U002', '--period', '2025-11', '--value', '79.3', '--note', 'late tickets counted')
  cli('review', ...board, '--stage', 'draft', '--engine', 'analyzer')
  const proposals = JSON.parse(cli('--json', 'proposal', 'list', ...board, '--status', 'pending').toString())
  cli('proposal', 'accept', String(proposals[0].id))
  cli('proposal', 'reject', String(proposals[1].id), '--reason', 'not now')
  cli('kpi', 'retire', ...board, 'KPI-T003', '--reason', 'not measurable yet')
  cli('version', 'cut', ...board, '--label', 'v0.9', '--note', 'after the feasibility review')
  cli('board', 'create', 'Growth')
  copyFileSync(db, join(out, `schema-${schema}.kpiloop`))
  rmSync(app, { recursive: true, force: true })
  console.log(`db/fixtures/schema-${schema}.kpiloop from ${commit}: ${note}`)
}
