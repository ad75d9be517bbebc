import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteLinkStore } from './export-links'
import { sampleKpis } from './testing/sample-kpis'
import { workspaceWith } from './testing/workspace'

describe('createSqliteLinkStore', () => {
  let cleanup: (() => void) | undefined
  afterEach(() => cleanup?.())

  it('stores one link per KPI, target and container and replaces it on put', () => {
    const ws = workspaceWith(sampleKpis())
    cleanup = ws.cleanup
    const links = createSqliteLinkStore(ws.db)
    const link = {
      kpiId: 1,
      target: 'jira' as const,
      container: 'KPI',
      externalId: '10001',
      externalUrl: 'https://x/browse/KPI-1',
      lastRevisionId: 11,
      exportedAt: 1000
    }
    links.put(link)
    links.put({ ...link, container: 'OPS', externalId: '20001' })
    links.put({ ...link, externalId: '10002', exportedAt: 2000 })
    expect(links.get(1, 'jira', 'KPI')).toEqual({ ...link, externalId: '10002', exportedAt: 2000 })
    expect(links.get(1, 'jira', 'OPS')?.externalId).toBe('20001')
    expect(links.get(1, 'trello', 'KPI')).toBeUndefined()
    expect(ws.sqlite.prepare('SELECT COUNT(*) AS n FROM export_link').get()).toEqual({ n: 2 })
    links.remove(1, 'jira', 'KPI')
    expect(links.get(1, 'jira', 'KPI')).toBeUndefined()
    expect(links.get(1, 'jira', 'OPS')?.externalId).toBe('20001')
  })
})
