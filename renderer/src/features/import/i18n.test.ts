import { describe, expect, it } from 'vitest'
import { CANDIDATE_WARNINGS, SKIP_REASONS } from '../../../../electron/domain/prd-candidates'
import { exportI18n } from '../export/i18n'
import { importI18n } from './i18n'

const keys = (value: unknown, prefix = ''): string[] =>
  Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))

describe('import and export translations', () => {
  it('have the same keys in English and Chinese, and Chinese text in Chinese', () => {
    for (const bundle of [importI18n, exportI18n]) {
      expect(keys(bundle.zhCN).sort()).toEqual(keys(bundle.en).sort())
    }
    expect(importI18n.zhCN.import.none).toMatch(/[\u4e00-\u9fff]/)
  })

  it('name every warning the importer can give, and every reason it skips a section for', () => {
    for (const warning of CANDIDATE_WARNINGS) {
      expect(importI18n.en.import.warning[warning], warning).toBeTruthy()
      expect(importI18n.zhCN.import.warning[warning], warning).toMatch(/[\u4e00-\u9fff]/)
    }
    for (const reason of SKIP_REASONS) {
      expect(importI18n.en.import.skipReason[reason], reason).toBeTruthy()
      expect(importI18n.zhCN.import.skipReason[reason], reason).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
