import { describe, expect, it } from 'vitest'
import { boardStage, suggestLabel } from './labels'

describe('version label suggestion', () => {
  it.each([
    ['draft', [], 'v0.1'],
    ['draft', ['v0.1'], 'v0.2'],
    ['draft', ['v0.1', 'v0.2'], 'v0.3'],
    ['feasibility', ['v0.1', 'v0.2'], 'v0.9'],
    ['trial', ['v0.1', 'v0.9'], 'v1.0'],
    ['launched', ['v0.9', 'v1.0'], 'v1.0+'],
    ['operating', ['v1.0', 'v1.0+'], 'v1.1'],
    ['operating', ['v1.0+', 'v1.1'], 'v1.2'],
    ['draft', ['v1.0+', 'v1.3'], 'v1.4'],
    ['trial', ['v1.0'], 'v1.1'],
    ['draft', ['v0.1', 'kickoff'], 'v0.2']
  ] as const)('%s after %j → %s', (stage, existing, expected) => {
    expect(suggestLabel(stage, [...existing])).toBe(expected)
  })

  it('takes the stage most live KPIs are in, ties to the earlier stage', () => {
    expect(boardStage({ draft: 2, trial: 5, retired: 9 })).toBe('trial')
    expect(boardStage({ draft: 3, launched: 3 })).toBe('draft')
    expect(boardStage({})).toBe('draft')
  })
})
