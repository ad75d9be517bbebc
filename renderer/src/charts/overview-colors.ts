/** Status-light colours shared by the overview charts and the grid's lights. */
export const LEVEL_COLORS = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', none: '#bfbfbf' } as const
export type Level = keyof typeof LEVEL_COLORS
