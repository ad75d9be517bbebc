import { describe, expect, it } from 'vitest'
import { base64ToBytes, safeHref, secretsToSave, settingsToSave, tally } from './export-settings'

describe('export settings form', () => {
  it('keeps settings the form does not show, such as the Notion base URL and remembered data source', () => {
    const saved = { parentPageId: 'page-1', baseUrl: 'http://127.0.0.1:4321', dataSourceId: 'ds-9', databaseTitle: 'KPI' }
    expect(settingsToSave('notion', saved, { parentPageId: 'page-1', databaseId: '', databaseTitle: ' 增长 KPI ' })).toEqual({
      parentPageId: 'page-1',
      baseUrl: 'http://127.0.0.1:4321',
      dataSourceId: 'ds-9',
      databaseTitle: '增长 KPI'
    })
  })

  it('forgets the remembered Notion data source when the user points at another page or database', () => {
    const saved = { parentPageId: 'page-1', dataSourceId: 'ds-9', baseUrl: 'http://127.0.0.1:4321' }
    expect(settingsToSave('notion', saved, { parentPageId: 'page-2' })).toEqual({ parentPageId: 'page-2', baseUrl: 'http://127.0.0.1:4321' })
    expect(settingsToSave('notion', saved, { parentPageId: 'page-1', databaseId: 'db-3' })).toEqual({
      parentPageId: 'page-1',
      databaseId: 'db-3',
      baseUrl: 'http://127.0.0.1:4321'
    })
  })

  it('clears a setting the user emptied and never sends blank credentials', () => {
    expect(
      settingsToSave(
        'jira',
        { host: 'https://acme.atlassian.net', email: 'po@acme.com', projectKey: 'KPI' },
        { host: 'https://acme.atlassian.net', email: '', projectKey: 'GROW', issueType: '' }
      )
    ).toEqual({
      host: 'https://acme.atlassian.net',
      projectKey: 'GROW'
    })
    expect(secretsToSave('trello', { key: '  ', token: 'tok-123', boardId: 'b1' })).toEqual({ token: 'tok-123' })
    expect(secretsToSave('notion', {})).toEqual({})
  })

  it('counts a run the way the summary line shows it', () => {
    const results = [
      { kpiId: 1, code: 'A', outcome: 'created' as const },
      { kpiId: 2, code: 'B', outcome: 'recreated' as const },
      { kpiId: 3, code: 'C', outcome: 'updated' as const },
      { kpiId: 4, code: 'D', outcome: 'failed' as const, error: 'HTTP 400' },
      { kpiId: 5, code: 'E', outcome: 'missing' as const }
    ]
    expect(tally(results)).toEqual({ created: 2, updated: 1, failed: 1, missing: 1 })
  })

  it('decodes a downloaded file byte for byte and offers only web links', () => {
    const text = '| 编号 | 目标 |\n| KPI-U001 | ≥ 60% |\n'
    expect(new TextDecoder().decode(base64ToBytes(Buffer.from(text).toString('base64')))).toBe(text)
    expect(safeHref('https://www.notion.so/abc')).toBe('https://www.notion.so/abc')
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref('not a url')).toBeUndefined()
    expect(safeHref(null)).toBeUndefined()
  })
})
