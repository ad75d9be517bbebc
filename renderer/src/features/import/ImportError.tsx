import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../api/api-error'

/** An import error translated by its code, with the core's message as the detail. */
export function ImportError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-error"
      data-code={error.code}
      title={t(`errors.${error.code}`)}
      description={error.message ? t('app.errorDetail', { message: error.message }) : undefined}
    />
  )
}
