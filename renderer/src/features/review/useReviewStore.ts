import { create } from 'zustand'
import type { KpiStatus, ProposalView } from '../../../../electron/api'
import type { Stage } from '../../../../electron/domain/kpi'
import { api } from '../../api/client'
import { mergeKeyedPage, streamPages } from '../kpis/board-stream'

export type BoardView = 'grid' | 'kanban' | 'overview'
export type ProposalFilter = ProposalView['status'] | 'all'

/** What the stage-move dialog works on: one KPI, or the board (all behind the target, or a selection). */
export type MoveRequest = { scope: 'kpi'; kpiId: number; to?: Stage } | { scope: 'board'; kpiIds?: number[] }

interface ReviewState {
  boardId: number | null
  statuses: Record<number, KpiStatus>
  proposals: ProposalView[]
  filter: ProposalFilter
  view: BoardView
  panelOpen: boolean
  /** The proposal the grid's "latest proposal" cell asked to see. */
  focusId: number | null
  move: MoveRequest | null
  /** Streams the lights page by page beside the KPIs (the first page first); a newer load stops an older one. */
  loadStatus: (boardId: number) => Promise<void>
  /** Re-reads the lights of the KPIs an event named; many at once re-streams the board's. */
  refreshStatus: (boardId: number, kpiIds: number[]) => Promise<void>
  loadProposals: (boardId: number) => Promise<void>
  setFilter: (filter: ProposalFilter) => void
  setView: (view: BoardView) => void
  openPanel: (focusId?: number | null) => void
  closePanel: () => void
  openMove: (move: MoveRequest | null) => void
  /** Puts a decided proposal into the list without a reload. */
  putProposal: (proposal: ProposalView) => void
}

// Each status load counts up; an older stream stops and drops its pages.
let generation = 0
const REFRESH_ONE_BY_ONE = 20

export const useReviewStore = create<ReviewState>((set, get) => ({
  boardId: null,
  statuses: {},
  proposals: [],
  filter: 'pending',
  view: 'grid',
  panelOpen: false,
  focusId: null,
  move: null,
  loadStatus: async (boardId) => {
    if (get().boardId !== boardId) set({ boardId, statuses: {}, proposals: [], panelOpen: false, focusId: null, move: null })
    const run = ++generation
    const failed = await streamPages(
      (after, limit) => api.call('status.page', { boardId, after, limit }),
      ({ rows, after, through }) => set({ statuses: mergeKeyedPage(get().statuses, rows, (s) => s.kpiId, after, through) }),
      () => run === generation && get().boardId === boardId
    )
    if (failed) throw failed.error
  },
  refreshStatus: async (boardId, kpiIds) => {
    if (get().boardId !== boardId) return
    if (kpiIds.length === 0 || kpiIds.length > REFRESH_ONE_BY_ONE) return get().loadStatus(boardId)
    const rows = await api.call('status.rows', { boardId, kpiIds })
    if (get().boardId !== boardId) return
    // A KPI named but not answered (retired, moved away) has no light any more.
    const statuses = { ...get().statuses }
    for (const id of kpiIds) delete statuses[id]
    for (const row of rows) statuses[row.kpiId] = row
    set({ statuses })
  },
  loadProposals: async (boardId) => {
    const { filter } = get()
    const proposals = await api.call('proposal.list', { boardId, ...(filter === 'all' ? {} : { status: filter }) })
    if (get().boardId === boardId && get().filter === filter) set({ proposals })
  },
  setFilter: (filter) => {
    set({ filter })
    const { boardId } = get()
    if (boardId !== null) void get().loadProposals(boardId)
  },
  setView: (view) => set({ view }),
  openPanel: (focusId = null) => set({ panelOpen: true, focusId, ...(focusId !== null ? { filter: 'all' } : {}) }),
  closePanel: () => set({ panelOpen: false, focusId: null }),
  openMove: (move) => set({ move }),
  putProposal: (proposal) => set({ proposals: get().proposals.map((p) => (p.id === proposal.id ? proposal : p)) })
}))
