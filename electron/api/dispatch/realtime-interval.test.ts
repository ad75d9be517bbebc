import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SourceView } from '../../domain/views'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { procedureCaller } from './testing/dispatch'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => (ws = tempWorkspace()))
afterEach(() => ws.cleanup())

describe("a data source's real-time interval", () => {
  it('is kept with the source, and only an interval that divides an hour is accepted', async () => {
    const api = procedureCaller(ws.core)
    const save = (realtimeMinutes?: number) => ({
      mode: 'add' as const,
      name: 'metrics',
      kind: 'sqlite' as const,
      url: 'sqlite:///tmp/none.db',
      realtimeMinutes
    })
    for (const wrong of [7, 0, 90, 2.5]) expect(await api.failure('source.save', save(wrong))).toMatchObject({ code: 'VALIDATION' })
    expect(await api.call<SourceView>('source.save', save(15))).toMatchObject({ name: 'metrics', realtimeMinutes: 15 })
    // Saved again without one: the default (5 minutes) applies.
    expect(await api.call<SourceView>('source.save', { ...save(), mode: 'edit' })).toMatchObject({ realtimeMinutes: null })
  })
})
