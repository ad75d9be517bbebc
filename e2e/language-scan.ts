import type { Page } from '@playwright/test'
import type { Runtime } from '../electron/api/dispatch/runtime'

type Core = Runtime['core']
export type UiLocale = 'zh-CN' | 'en'

/**
 * Words a Chinese screen may show in Latin letters: product and file names, units, and the names of the tools
 * and databases KPI Loop talks to. Anything else of three letters or more is an English word that leaked.
 */
const ZH_ALLOWED = new Set(
  [
    'KPI',
    'Loop',
    'SQL',
    'CSV',
    'PRD',
    'XLSX',
    'JSON',
    'Markdown',
    'HTML',
    'API',
    'URL',
    'LLM',
    'ISO',
    'UTF',
    'Notion',
    'Jira',
    'Trello',
    'Slack',
    'Webhook',
    'DuckDB',
    'SQLite',
    'PostgreSQL',
    'MySQL',
    'MariaDB',
    'ClickHouse',
    'OpenAI',
    'DeepSeek',
    'Qwen',
    'Ollama',
    'Moonshot',
    'Kimi',
    'GLM',
    'Zhipu',
    'Azure',
    'Anthropic',
    'Gemini',
    'MAU',
    'DAU',
    'WAU',
    'NPS',
    'CSAT',
    'SLA',
    'MTTR',
    'ARPU',
    'GMV',
    'SaaS',
    'SRE',
    'P95',
    'p95',
    'P99',
    'P75',
    'Integration',
    'txt',
    'docx',
    'Word',
    'Excel',
    'Esc',
    'Enter',
    'Tab',
    'YYYY-MM-DD',
    'Token',
    'token',
    'max',
    'min',
    'avg',
    'sum',
    'AVG',
    'SUM',
    'MAX',
    'MIN',
    'COUNT',
    // Names typed as they are: the Base URL field, HTTP header names, the environment variable holding the key.
    'Base',
    'https',
    'Authorization',
    'api-key',
    'Cookie',
    'KPILOOP',
    'KEY'
  ].map((w) => w.toLowerCase())
)

/**
 * The visible text of the page as a user reads it (rendered text, placeholders and tooltips of what is shown),
 * without the language switch and without elements marked `data-literal` (shown verbatim: what the user typed, or a
 * notation such as CSV column names that is typed as it is in any language).
 */
export async function visibleText(page: Page): Promise<string> {
  // One read in one browser task: two reads let a drawer finish its closing animation in between, so its text was
  // read but its verbatim (data-literal) parts were no longer there to take out.
  return page.locator('body').evaluate((body) => {
    const text = (el: unknown) => (el as { innerText: string }).innerText
    const parts = [text(body)]
    for (const input of body.querySelectorAll('[placeholder]')) if (input.getClientRects().length) parts.push(input.getAttribute('placeholder') ?? '')
    let all = parts.join('\n')
    for (const own of body.querySelectorAll('[data-testid="language-switch"], [data-literal]')) {
      const literal = text(own)
      if (literal) all = all.split(literal).join('\n')
    }
    return all
  })
}

/** Every text of the workspace that came from the user or the seed, longest first: data, not UI words. */
export function workspaceData(core: Core): string[] {
  const out = new Set<string>()
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const line of value.split('\n')) if (line.trim()) out.add(line.trim())
    } else if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  for (const board of core.boards.list()) {
    collect([board.name, board.description])
    for (const kpi of core.kpis.list(board.id, true)) {
      // What the user or the PRD wrote; enum codes (stage, unit words) are UI words and stay checked.
      const { code, name, description, category, formula, dataSource, sourceNote, target, unit, owner, alertThresholds, benchmarks, milestones, tags, notes } =
        kpi
      collect([code, name, description, category, formula, dataSource, sourceNote, target?.text, target?.issue, unit, owner, tags, notes, kpi.updatedBy])
      collect([alertThresholds?.text, alertThresholds?.rules.map((r) => r.text), benchmarks, milestones.map((m) => [m.label, m.target, m.due])])
      collect(core.measurements.list(kpi.id).map((m) => [m.note, m.author]))
    }
    collect(core.versions.list(board.id).map((v) => [v.label, v.note, v.author]))
    collect(core.audit.list({ boardId: board.id, limit: 1000 }).map((a) => a.actor))
  }
  collect(core.audit.list({ limit: 1000 }).map((a) => a.actor))
  collect(core.sources.list().map((s) => [s.name, s.url]))
  return [...out].sort((a, b) => b.length - a.length)
}

/** The UI words on screen that belong to the other language, once data has been taken out. */
export function foreignWords(text: string, locale: UiLocale, data: string[]): string[] {
  let rest = text
  for (const value of data) rest = rest.split(value).join('\n')
  if (locale === 'en') return [...new Set(rest.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g) ?? [])]
  const words = rest.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []
  return [...new Set(words.filter((w) => !ZH_ALLOWED.has(w.toLowerCase())))]
}
