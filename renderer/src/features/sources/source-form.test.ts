import { describe, expect, it } from 'vitest'
import { envSecretName } from './source-form'
import { tableTree } from './source-tree'

describe('envSecretName', () => {
  it('names the variable the core reads a password from', () => {
    expect(envSecretName('warehouse')).toBe('KPILOOP_SECRET_WAREHOUSE')
    expect(envSecretName('prod-pg.eu')).toBe('KPILOOP_SECRET_PROD_PG_EU')
  })
})

describe('tableTree', () => {
  const columns = [
    { name: 'user_id', type: 'INTEGER' },
    { name: 'active_date', type: 'DATE' }
  ]

  it('lists tables with their columns when the source has one schema', () => {
    const tree = tableTree([
      { name: 'user_activity', columns },
      { name: 'tasks', columns: [] }
    ])
    expect(tree.map((n) => n.title)).toEqual(['user_activity', 'tasks'])
    expect(tree[0]?.children?.map((c) => c.title)).toEqual(['user_id  INTEGER', 'active_date  DATE'])
  })

  it('groups tables under their schema when there are several', () => {
    const tree = tableTree([
      { schema: 'public', name: 'tasks', columns },
      { schema: 'ops', name: 'api_logs', columns }
    ])
    expect(tree.map((n) => n.title)).toEqual(['public', 'ops'])
    expect(tree[1]?.children?.[0]?.key).toBe('ops.api_logs')
  })
})
