import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../api/api-error'

/** Shows an API error as an antd message: the translated code, then the core's own message as detail. */
export function useNotify() {
  const { message } = App.useApp()
  const { t } = useTranslation()
  const error = useCallback(
    (cause: unknown) => {
      const err = toApiError(cause)
      void message.error({
        key: `${err.code}:${err.message}`,
        duration: 6,
        content: (
          <span data-testid="api-error" data-code={err.code}>
            <strong>{t(`errors.${err.code}`)}</strong>
            {err.message && <span className="api-error-detail"> {t('app.errorDetail', { message: err.message })}</span>}
          </span>
        )
      })
    },
    [message, t]
  )
  const success = useCallback((text: string) => void message.success(text), [message])
  return { error, success }
}
