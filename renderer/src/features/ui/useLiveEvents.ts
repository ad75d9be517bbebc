import { useEffect } from 'react'
import { api } from '../../api/client'
import { useBoardStore } from '../boards/useBoardStore'
import { useKpiStore } from '../kpis/useKpiStore'
import { useVersionStore } from '../versions/useVersionStore'

/** Keeps the caches in step with the workspace: the core publishes `*.changed` after every write. */
export function useLiveEvents(onError: (error: unknown) => void) {
  useEffect(() => {
    const offs = [
      api.on('board.changed', () => void useBoardStore.getState().load().catch(onError)),
      api.on('kpi.changed', ({ boardId, kpiIds }) => {
        void useKpiStore.getState().refresh(boardId, kpiIds).catch(onError)
        void useBoardStore.getState().load().catch(onError)
      }),
      api.on('version.changed', ({ boardId }) => {
        if (useVersionStore.getState().boardId === boardId) void useVersionStore.getState().load(boardId).catch(onError)
        void useBoardStore.getState().load().catch(onError)
      })
    ]
    return () => offs.forEach((off) => off())
  }, [onError])
}
