import type { Stage, Status } from '../../domain/kpi'
import { STAGES } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import type { ExportKpi, ExportRunResult, OnMissing } from '../../domain/export'
import { retryAfterMs, runExport, withRateLimitRetry, type ExportRunOptions, type ItemAdapter } from './export-run'
import { kpiMarkdownDescription, kpiSummary } from './kpi-description'
import { stageLabel, statusLabel, type Locale } from './kpi-text'

export interface TrelloExportConfig {
  /** Trello API key and user token; sent only as the documented `key` and `token` query parameters. */
  key: string
  token: string
  boardId: string
  locale?: Locale
  onMissing?: OnMissing
  /** Default https://api.trello.com (tests point it at a local server). */
  baseUrl?: string
}

interface TrelloCard {
  id: string
  url: string
  idList: string
  idLabels: string[]
  closed: boolean
}

const STATUS_COLORS: Record<Status, string> = {
  proposed: 'sky',
  adjusting: 'orange',
  adopted: 'blue',
  stable: 'green',
  'at-risk': 'red',
  retired: 'black'
}
const DESC_LIMIT = 16384

class TrelloHttpError extends Error {
  constructor(
    readonly status: number,
    said: string,
    readonly retryAfterMs?: number
  ) {
    // Never the URL: it carries the key and token.
    super(`Trello answered ${status}${said ? `: ${said}` : ''}`)
  }
}

function createTrelloApi(config: TrelloExportConfig, signal?: AbortSignal) {
  const base = `${(config.baseUrl ?? 'https://api.trello.com').replace(/\/+$/, '')}/1`
  const once = async <T>(method: string, path: string, body?: Record<string, unknown>): Promise<T> => {
    const url = new URL(`${base}${path}`)
    url.searchParams.set('key', config.key)
    url.searchParams.set('token', config.token)
    const response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {})
    })
    if (response.ok) return (await response.json()) as T
    const said = (await response.text()).slice(0, 200).trim()
    throw new TrelloHttpError(response.status, said, retryAfterMs(response.headers.get('retry-after')))
  }
  return async <T>(method: string, path: string, body?: Record<string, unknown>): Promise<T> => {
    try {
      return await withRateLimitRetry(
        'Trello',
        () => once<T>(method, path, body),
        (e) => (e instanceof TrelloHttpError && e.status === 429 ? { retryAfterMs: e.retryAfterMs } : undefined),
        { signal }
      )
    } catch (error) {
      if (error instanceof TrelloHttpError && error.status === 401) {
        throw new AppError('EXPORT_AUTH', 'Trello rejected the API key or token (401). Check them in the Trello export settings.')
      }
      throw error
    }
  }
}

/**
 * Exports KPIs as Trello cards: one list per lifecycle stage (found by name or created), one card
 * per KPI with a status label. A card moves when its KPI's stage changed; a card the user moved to
 * a list of their own stays there, and labels the user added are kept.
 */
export async function exportToTrello(options: ExportRunOptions & { config: TrelloExportConfig }): Promise<ExportRunResult> {
  const { config, kpis } = options
  const locale = config.locale ?? 'en'
  const api = createTrelloApi(config, options.signal)
  const board = encodeURIComponent(config.boardId)
  const lists = await api<{ id: string; name: string }[]>('GET', `/boards/${board}/lists?filter=open`).catch((error: unknown) => {
    if (error instanceof TrelloHttpError && (error.status === 404 || error.status === 400)) {
      throw new AppError('EXPORT_CONFIG', 'The Trello board was not found, or the token cannot see it.')
    }
    throw error
  })
  const labels = await api<{ id: string; name: string }[]>('GET', `/boards/${board}/labels`)

  const stageLists = new Map<Stage, string>()
  for (const stage of STAGES) {
    const name = stageLabel(stage, locale)
    const found = lists.find((l) => l.name === name)
    if (found) stageLists.set(stage, found.id)
    else if (kpis.some((k) => k.stage === stage)) {
      const created = await api<{ id: string }>('POST', '/lists', { name, idBoard: config.boardId, pos: 'bottom' })
      stageLists.set(stage, created.id)
    }
  }
  const statusLabels = new Map<Status, string>()
  const statusLabelIds = (): Set<string> =>
    new Set([
      ...labels.filter((l) => Object.keys(STATUS_COLORS).some((s) => statusLabel(s as Status, locale) === l.name)).map((l) => l.id),
      ...statusLabels.values()
    ])
  const labelFor = async (status: Status): Promise<string> => {
    const known = statusLabels.get(status) ?? labels.find((l) => l.name === statusLabel(status, locale))?.id
    if (known) return known
    const created = await api<{ id: string }>('POST', '/labels', { name: statusLabel(status, locale), color: STATUS_COLORS[status], idBoard: config.boardId })
    statusLabels.set(status, created.id)
    return created.id
  }
  const content = (kpi: ExportKpi) => ({ name: kpiSummary(kpi), desc: kpiMarkdownDescription(kpi).slice(0, DESC_LIMIT) })

  const adapter: ItemAdapter = {
    target: 'trello',
    container: config.boardId,
    async create(kpi) {
      const card = await api<TrelloCard>('POST', '/cards', {
        ...content(kpi),
        idList: stageLists.get(kpi.stage),
        idLabels: [await labelFor(kpi.status)],
        pos: 'bottom'
      })
      return { externalId: card.id, url: card.url }
    },
    async update(kpi, link) {
      const path = `/cards/${encodeURIComponent(link.externalId)}`
      const card = await api<TrelloCard>('PUT', path, content(kpi)).catch((error: unknown) => {
        if (error instanceof TrelloHttpError && error.status === 404) return undefined
        throw error
      })
      if (!card || card.closed) return 'missing'
      const wantedList = stageLists.get(kpi.stage)!
      const ours = new Set(stageLists.values())
      const move = card.idList !== wantedList && ours.has(card.idList)
      const statusIds = statusLabelIds()
      const label = await labelFor(kpi.status)
      const wantedLabels = [...card.idLabels.filter((id) => !statusIds.has(id) || id === label), ...(card.idLabels.includes(label) ? [] : [label])]
      const relabel = wantedLabels.length !== card.idLabels.length || wantedLabels.some((id) => !card.idLabels.includes(id))
      if (move || relabel) {
        await api<TrelloCard>('PUT', path, { ...(move ? { idList: wantedList } : {}), ...(relabel ? { idLabels: wantedLabels } : {}) })
      }
      return { externalId: card.id, url: card.url }
    }
  }
  return { results: await runExport(adapter, options, config.onMissing ?? 'recreate') }
}

/** Posts a notice as a new card (name, Markdown description) in a list of the configured board: the given one, else its first open list. */
export async function postTrelloCard(
  config: TrelloExportConfig,
  listId: string,
  notice: { title: string; markdown: string },
  signal?: AbortSignal
): Promise<{ id: string; url: string }> {
  const api = createTrelloApi(config, signal)
  let idList = listId
  if (!idList) {
    const lists = await api<{ id: string }[]>('GET', `/boards/${encodeURIComponent(config.boardId)}/lists?filter=open`)
    if (!lists[0]) throw new AppError('EXPORT_CONFIG', 'The Trello board has no open list to post the notice in.')
    idList = lists[0].id
  }
  const card = await api<TrelloCard>('POST', '/cards', { name: notice.title, desc: notice.markdown.slice(0, DESC_LIMIT), idList, pos: 'top' })
  return { id: card.id, url: card.url }
}
