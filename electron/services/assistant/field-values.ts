import { DIRECTIONS, FREQUENCIES, STAGES, STATUSES, type Direction, type Frequency, type Stage, type Status } from '../../domain/kpi'

// Models write enum values loosely ("Higher is better", "每月"); map the common spellings, reject the rest.
const FREQUENCY_WORDS: Record<string, Frequency> = {
  'real-time': 'realtime',
  'real time': 'realtime',
  实时: 'realtime',
  每小时: 'hourly',
  每日: 'daily',
  每天: 'daily',
  日: 'daily',
  每周: 'weekly',
  周: 'weekly',
  每月: 'monthly',
  月: 'monthly',
  月度: 'monthly',
  每季度: 'quarterly',
  季度: 'quarterly'
}

const DIRECTION_WORDS: Record<string, Direction> = {
  'higher-is-better': 'higher',
  'higher is better': 'higher',
  'lower-is-better': 'lower',
  'lower is better': 'lower',
  'in-range': 'range',
  'in range': 'range',
  越高越好: 'higher',
  越低越好: 'lower',
  区间: 'range'
}

function oneOf<T extends string>(values: readonly T[], text: string, words: Record<string, T> = {}): T | undefined {
  const key = text.trim().toLowerCase()
  return (values as readonly string[]).includes(key) ? (key as T) : words[key]
}

export const toFrequency = (text: string): Frequency | undefined => oneOf(FREQUENCIES, text, FREQUENCY_WORDS)
export const toDirection = (text: string): Direction | undefined => oneOf(DIRECTIONS, text, DIRECTION_WORDS)
export const toStage = (text: string): Stage | undefined => oneOf(STAGES, text)
export const toStatus = (text: string): Status | undefined => oneOf(STATUSES, text)

/** Tags arrive as one string; commas of both scripts and the enumeration comma separate them. */
export function toTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；]/)
        .map((tag) => tag.trim())
        .filter(Boolean)
    )
  ]
}
