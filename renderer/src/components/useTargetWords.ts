import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TargetWords } from './target-format'

export function useTargetWords(): TargetWords {
  // `t` is a new function for each language, so the words follow the UI language.
  const { t } = useTranslation()
  return useMemo(
    () => ({
      per: (unit) => t('target.per', { unit: t(`target.period.${unit}`) }),
      within: (amount, unit) => t('target.within', { amount, unit: t(`target.periods.${unit}`) }),
      change: t('target.change')
    }),
    [t]
  )
}
