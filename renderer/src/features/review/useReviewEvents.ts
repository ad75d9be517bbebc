import { useEffect } from 'react'
import { api } from '../../api/client'
import { useReviewStore } from './useReviewStore'

/** Loads the board's status lights and proposals, and keeps them fresh as actuals, proposals and KPIs change. */
export function useReviewEvents(boardId: number, onError: (error: unknown) => void) {
  useEffect(() => {
    const store = useReviewStore.getState()
    const status = () => void useReviewStore.getState().loadStatus(boardId).catch(onError)
    const refresh = (kpiIds: number[]) => void useReviewStore.getState().refreshStatus(boardId, kpiIds).catch(onError)
    const proposals = () => void useReviewStore.getState().loadProposals(boardId).catch(onError)
    // Proposals need not wait for a large board's lights to finish streaming.
    store.loadStatus(boardId).catch(onError)
    proposals()
    const mine = (payload: { boardId: number }) => payload.boardId === boardId
    const offs = [
      api.on('actuals.changed', (p) => mine(p) && refresh(p.kpiIds)),
      api.on('kpi.changed', (p) => mine(p) && refresh(p.kpiIds)),
      api.on('proposal.changed', (p) => {
        if (!mine(p)) return
        status()
        proposals()
      })
    ]
    return () => offs.forEach((off) => off())
  }, [boardId, onError])
}
