import { beforeEach, describe, expect, it } from 'vitest'
import { useLeaveGuard } from './useLeaveGuard'

const guard = () => useLeaveGuard.getState()

beforeEach(() => useLeaveGuard.setState({ dirty: {}, pending: null, saving: false }))

describe('asking before unsaved input is lost', () => {
  it('closes at once when nothing was typed, and asks when something was', () => {
    let closed = 0
    guard().leave('kpi', () => closed++)
    expect(closed).toBe(1)
    guard().markDirty('kpi', async () => true)
    guard().leave('kpi', () => closed++)
    expect(closed).toBe(1)
    expect(guard().pending?.key).toBe('kpi')
  })

  it('Cancel keeps the surface open with its input; Discard closes and forgets it', async () => {
    let closed = 0
    guard().markDirty('kpi', async () => true)
    guard().leave('kpi', () => closed++)
    await guard().answer('cancel')
    expect([closed, guard().pending, Object.keys(guard().dirty)]).toEqual([0, null, ['kpi']])
    guard().leave('kpi', () => closed++)
    await guard().answer('discard')
    expect([closed, Object.keys(guard().dirty)]).toEqual([1, []])
  })

  it('Save closes only when every form of the surface saved; a refused save keeps it open and unsaved', async () => {
    let closed = 0
    let accept = false
    const saved: string[] = []
    guard().markDirty('kpi', async () => (saved.push('form'), accept))
    guard().markDirty('kpi/mapping', async () => (saved.push('mapping'), true))
    guard().markDirty('export/notion', async () => true)
    guard().leave('kpi', () => closed++)
    await guard().answer('save')
    expect([closed, saved]).toEqual([0, ['form']])
    expect(Object.keys(guard().dirty)).toHaveLength(3)

    accept = true
    guard().leave('kpi', () => closed++)
    await guard().answer('save')
    expect([closed, saved]).toEqual([1, ['form', 'form', 'mapping']])
    // Another surface's input is not touched.
    expect(Object.keys(guard().dirty)).toEqual(['export/notion'])
  })
})
