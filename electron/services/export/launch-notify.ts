import type { Core } from '../core'
import { AppError } from '../../domain/errors'
import type { LaunchNotice, LaunchPlanView } from '../../domain/launch-plan'
import { jiraConfig, notionConfig, trelloConfig } from './export-config'
import { collectExportKpis } from './export-kpis'
import { safeFileName } from './file-names'
import type { Locale } from './kpi-text'
import { boardTable, escapeInline, markdownTable } from './markdown'
import { postNotionPage } from './notion'
import { postTrelloCard } from './trello'

const WORDS = {
  en: {
    title: (board: string, version: string) => `${board} ${version} is launched`,
    launchDate: 'Launch date',
    owner: 'Owner',
    cadence: 'Review cadence',
    notified: 'Notified',
    cadences: { weekly: 'weekly', monthly: 'monthly', quarterly: 'quarterly' }
  },
  'zh-CN': {
    title: (board: string, version: string) => `${board} ${version} 已上线`,
    launchDate: '上线日期',
    owner: '负责人',
    cadence: '复盘周期',
    notified: '通知对象',
    cadences: { weekly: '每周', monthly: '每月', quarterly: '每季度' }
  }
} as const

/** The notice: a title, the plan in a few lines, and the version's tracking table of its launched KPIs. */
function buildNotice(core: Core, boardId: number, versionLabel: string | undefined, plan: LaunchPlanView, locale: Locale) {
  const board = core.boards.get(boardId)
  const label = versionLabel ?? board.latestVersion
  if (!label) throw new AppError('VERSION_NOT_FOUND', `Board ${board.name} has no version yet: cut the launched version first.`, { boardId })
  const set = collectExportKpis(core, { boardId, versionLabel: label })
  const launched = set.kpis.filter((k) => k.stage === 'launched' || k.stage === 'operating')
  if (launched.length === 0) throw new AppError('VALIDATION', `Version ${label} of ${board.name} holds no launched KPI.`, { boardId, versionLabel: label })
  const w = WORDS[locale]
  const title = w.title(board.name, label)
  const lines = [
    `${w.launchDate}: ${plan.launchDate}`,
    `${w.owner}: ${plan.owner || '—'}`,
    `${w.cadence}: ${w.cadences[plan.cadence]}`,
    `${w.notified}: ${plan.notify.join(', ') || '—'}`
  ]
  const table = boardTable(launched, locale)
  const markdown = [`# ${escapeInline(title)}`, '', ...lines.map((line) => `- ${escapeInline(line)}`), '', ...markdownTable(table), ''].join('\n')
  return { board, label, title, lines, table, markdown, count: launched.length }
}

/**
 * "Notify the team": posts the launched KPI table of a version through the channel of the board's launch plan (a new
 * Notion page under the plan's page, a comment on its Jira issue, a card in its Trello list), or returns it as a
 * Markdown file for the shell to save. Audited either way.
 */
export async function notifyLaunch(
  core: Core,
  request: { boardId: number; versionLabel?: string; locale?: Locale },
  actor: string,
  signal?: AbortSignal
): Promise<LaunchNotice> {
  const plan = core.launchPlans.get(request.boardId)
  if (!plan) throw new AppError('LAUNCH_PLAN_MISSING', 'This board has no launch plan yet: set its launch date, owner and review cadence first.')
  // Written in the board's language unless the caller asks for another.
  const notice = buildNotice(core, request.boardId, request.versionLabel, plan, request.locale ?? core.boards.language(request.boardId))
  const { channel, destination } = plan
  if (channel !== 'file' && channel !== 'trello' && !destination)
    throw new AppError('EXPORT_CONFIG', `The launch plan names no ${channel === 'notion' ? 'Notion page' : 'Jira issue'} to post to.`, { channel })
  let posted: { url: string | null; file?: LaunchNotice['file'] }
  if (channel === 'notion') posted = await postNotionPage(notionConfig(core), destination, notice)
  else if (channel === 'jira') posted = await (await import('./jira')).postJiraComment(jiraConfig(core), destination, notice, signal)
  else if (channel === 'trello') posted = await postTrelloCard(trelloConfig(core), destination, notice, signal)
  else {
    const name = `${safeFileName(`${notice.board.name}-${notice.label}`)}-launch.md`
    posted = { url: null, file: { name, mime: 'text/markdown', base64: Buffer.from(notice.markdown, 'utf8').toString('base64') } }
  }
  const where = posted.url ?? posted.file?.name ?? destination
  core.transaction(() =>
    core.audit.record({
      actor,
      action: 'launch.notify',
      boardId: request.boardId,
      summary: `Notified the team of ${notice.label} (${notice.count} launched KPIs) via ${channel}: ${where}`,
      details: { channel, destination, versionLabel: notice.label, kpis: notice.count, url: posted.url }
    })
  )
  return { channel, versionLabel: notice.label, kpiCount: notice.count, url: posted.url, file: posted.file ?? null, markdown: notice.markdown }
}
