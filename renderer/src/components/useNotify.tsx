import CloseOutlined from '@ant-design/icons/CloseOutlined'
import { App, Button } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../api/api-error'
import { errorDetail } from './error-detail'

/**
 * Shows an API error as an antd message: the translated code, then what was wrong in the user's language (the field
 * and how to fix it, or a remote system's own words), never the core's English message.
 * Errors stay until the user closes them (a fading error is one nobody had time to read); success fades.
 */
export function useNotify() {
  const { message } = App.useApp()
  const { t, i18n } = useTranslation()
  const error = useCallback(
    (cause: unknown) => {
      const err = toApiError(cause)
      const key = `${err.code}:${err.message}`
      const detail = errorDetail(err, t, (k) => i18n.exists(k))
      void message.error({
        key,
        duration: 0,
        content: (
          <span data-testid="api-error" data-code={err.code}>
            <strong>{t(`errors.${err.code}`)}</strong>
            {detail && <span className="api-error-detail"> {detail}</span>}
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
    [message, t, i18n]
  )
  const success = useCallback((text: string) => void message.success(text), [message])
  return { error, success }
}
