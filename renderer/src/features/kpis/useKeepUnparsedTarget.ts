import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/api-error'
import { useTargetIssue } from '../../components/useTargetIssue'

/**
 * Saves a KPI; when the core refuses a typed target it cannot read (TARGET_UNPARSED), asks whether to keep it
 * as flagged text and, if so, saves again with that permission. Null when the user chose to rephrase it.
 */
export function useKeepUnparsedTarget() {
  const { modal } = App.useApp()
  const { t } = useTranslation()
  const issueOf = useTargetIssue()
  return useCallback(
    async <T>(save: (allowUnparsedTarget: boolean) => Promise<T>): Promise<T | null> => {
      try {
        return await save(false)
      } catch (error) {
        const err = toApiError(error)
        if (err.code !== 'TARGET_UNPARSED') throw error
        const keep = await modal.confirm({
          title: t('target.keepTitle'),
          content: t('target.keepBody', {
            text: String(err.details?.text ?? ''),
            issue: issueOf({ text: String(err.details?.text ?? ''), parsed: null, issue: String(err.details?.issue ?? '') }) ?? ''
          }),
          okText: t('target.keep'),
          cancelText: t('target.rephrase')
        })
        return keep ? save(true) : null
      }
    },
    [modal, t, issueOf]
  )
}
