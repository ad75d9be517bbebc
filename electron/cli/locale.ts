import type { ErrorLocale } from '../domain/error-text'

/** The terminal's language (LC_ALL, LC_MESSAGES, LANG, then the OS): Chinese, else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): ErrorLocale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
