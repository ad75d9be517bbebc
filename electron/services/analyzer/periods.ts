const DAY = 86_400_000

export function isoTime(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
}

/** The instant one calendar step before `time` (UTC). */
export function stepBack(time: number, step: 'day' | 'week' | 'month'): number {
  if (step === 'day') return time - DAY
  if (step === 'week') return time - 7 * DAY
  const date = new Date(time)
  date.setUTCMonth(date.getUTCMonth() - 1)
  return date.getTime()
}

export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}
