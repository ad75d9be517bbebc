import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TargetWords } from './target-format'

export function useTargetWords(): TargetWords {
  const { t, i18n } = useTranslation()
  return useMemo(
    () => ({
      per: (unit) => t('target.per', { unit: t(`target.period.${unit}`) }),
      within: (amount, unit) => t('target.within', { amount, unit: t(`target.periods.${unit}`) }),
      change: t('target.change')
    }),
    [t, i18n.language]
  )
}
