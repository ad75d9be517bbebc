import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../i18n'
import { errorDetail } from './error-detail'

// What a refused page size says on screen: the envelope kpi.page and status.page answer (see board-page.test.ts).
const tooBig = { code: 'VALIDATION' as const, message: 'Too big: expected number to be <=5000', details: { field: 'limit', problem: 'tooBig', limit: 5000 } }

describe('a page size over the limit', () => {
  it('is said in the screen language, naming the field and the limit', async () => {
    const said: Record<string, string | null> = {}
    for (const lng of ['en', 'zh-CN'] as const) {
      const i18n = i18next.createInstance()
      await i18n.init({ resources, lng, interpolation: { escapeValue: false } })
      said[lng] = errorDetail(
        tooBig,
        (key, vars) => i18n.t(key, vars),
        (key) => i18n.exists(key)
      )
    }
    expect(said).toEqual({ en: 'Page size is too large: it must be at most 5000.', 'zh-CN': '每页条数太大：不能大于 5000。' })
  })
})
