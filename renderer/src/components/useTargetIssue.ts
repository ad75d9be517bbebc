import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Target } from '../../../electron/domain/kpi'
import { targetIssues } from '../../../electron/domain/target/parse-target'

/**
 * What the parser said about a target, in the UI's language. The stored `issue` is English (for the CLI and
 * exports); reading the text again gives the same issues by code. A target stored by an older KPI Loop whose
 * text now reads cleanly keeps its stored words.
 */
export function useTargetIssue(): (target: Target) => string | undefined {
  const { t } = useTranslation()
  return useCallback(
    (target: Target) => {
      if (!target.issue) return undefined
      const issues = targetIssues(target.text)
      if (!issues.length) return target.issue
      return issues.map(({ code, params }) => t(`targetIssues.${code}`, params ?? {})).join(' ')
    },
    [t]
  )
}
