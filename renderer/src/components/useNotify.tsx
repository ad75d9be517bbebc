import CloseOutlined from '@ant-design/icons/CloseOutlined'
import { App, Button } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../api/api-error'

/**
 * Shows an API error as an antd message: the translated code, then the core's own message as detail.
 * Errors stay until the user closes them (a fading error is one nobody had time to read); success fades.
 */
export function useNotify() {
  const { message } = App.useApp()
  const { t } = useTranslation()
  const error = useCallback(
    (cause: unknown) => {
      const err = toApiError(cause)
      const key = `${err.code}:${err.message}`
      void message.error({
        key,
        duration: 0,
        content: (
          <span data-testid="api-error" data-code={err.code}>
            <strong>{t(`errors.${err.code}`)}</strong>
            {err.message && <span className="api-error-detail"> {t('app.errorDetail', { message: err.message })}</span>}
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('app.dismiss')}
              title={t('app.dismiss')}
              data-testid="api-error-dismiss"
              onClick={() => message.destroy(key)}
            />
          </span>
        )
      })
    },
    [message, t]
  )
  const success = useCallback((text: string) => void message.success(text), [message])
  return { error, success }
}
