export { formatFigure, formatNumber, figureDecimals, roundFigure } from './format-figure'
export { inferAggregation, judgingOf, targetPeriodOf, type Judging } from './judging'
export { periodValues, todayOf, type PeriodPoint, type PeriodProblem, type PeriodValue } from './period-values'
