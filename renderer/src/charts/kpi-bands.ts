import type { AlertThresholds, Direction, ParsedTarget } from '../../../electron/domain/kpi'

export type BandLevel = 'red' | 'yellow' | 'green'

/** A horizontal band of the chart; open ends are null (they reach the axis edge). */
export interface Band {
  level: BandLevel
  from: number | null
  to: number | null
}

const DEFAULT_RED = 0.8
const DEFAULT_YELLOW = 0.9

type Thresholds = Pick<AlertThresholds, 'redRatio' | 'yellowRatio'> & { redValue?: number | null }

/** Low and high edge of a range target; a single value is a zero-width range. */
function rangeEdges(target: ParsedTarget): [number, number] {
  if (target.comparator === 'between' && target.upper !== undefined) return [Math.min(target.value, target.upper), Math.max(target.value, target.upper)]
  const tolerance = target.comparator === '±' ? Math.abs(target.tolerance ?? 0) : 0
  return [target.value - tolerance, target.value + tolerance]
}

/** Lines the target draws: one value, or the two edges of a range. */
export function targetLines(target: ParsedTarget): number[] {
  return (target.comparator === 'between' && target.upper !== undefined) || target.comparator === '±' ? rangeEdges(target) : [target.value]
}

function orientation(target: ParsedTarget, direction: Direction): Direction {
  if (target.comparator === '>=' || target.comparator === '>') return 'higher'
  if (target.comparator === '<=' || target.comparator === '<') return 'lower'
  if (target.comparator === 'between' || target.comparator === '±') return 'range'
  return direction
}

/**
 * The red/yellow/green bands of a target, the same rule the status column uses: red below redRatio of
 * target and yellow below yellowRatio; mirrored (target / value) for lower-is-better; ranges go
 * yellow outside and red beyond (1 − redRatio) of their width.
 */
export function targetBands(target: ParsedTarget, direction: Direction, thresholds: Thresholds | null): Band[] {
  const red = thresholds?.redRatio ?? DEFAULT_RED
  const yellow = thresholds?.yellowRatio ?? DEFAULT_YELLOW
  const redValue = thresholds?.redValue ?? null
  const t = target.value
  const side = orientation(target, direction)

  if (side === 'range') {
    const [low, high] = rangeEdges(target)
    const width = high - low > 0 ? high - low : Math.abs(t)
    const margin = (1 - red) * width
    if (margin <= 0)
      return [
        { level: 'red', from: null, to: low },
        { level: 'green', from: low, to: high },
        { level: 'red', from: high, to: null }
      ]
    return [
      { level: 'red', from: null, to: low - margin },
      { level: 'yellow', from: low - margin, to: low },
      { level: 'green', from: low, to: high },
      { level: 'yellow', from: high, to: high + margin },
      { level: 'red', from: high + margin, to: null }
    ]
  }
  if (side === 'higher') {
    if (t <= 0)
      return [
        { level: 'red', from: null, to: t },
        { level: 'green', from: t, to: null }
      ]
    const redEdge = redValue ?? red * t
    const yellowEdge = Math.max(redEdge, yellow * t)
    return compact([
      { level: 'red', from: null, to: redEdge },
      { level: 'yellow', from: redEdge, to: yellowEdge },
      { level: 'green', from: yellowEdge, to: null }
    ])
  }
  if (t <= 0)
    return [
      { level: 'green', from: null, to: t },
      { level: 'red', from: t, to: null }
    ]
  const redEdge = redValue ?? t / red
  const yellowEdge = Math.min(redEdge, t / yellow)
  return compact([
    { level: 'green', from: null, to: yellowEdge },
    { level: 'yellow', from: yellowEdge, to: redEdge },
    { level: 'red', from: redEdge, to: null }
  ])
}

const compact = (bands: Band[]) => bands.filter((b) => b.from === null || b.to === null || b.to > b.from)
