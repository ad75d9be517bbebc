import UploadOutlined from '@ant-design/icons/UploadOutlined'
import { Alert, Button, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/api-error'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { readAsBase64 } from '../import/read-file'

/** Errors about the file itself are shown beside the upload, with their line; others as a notification. */
const INLINE_CODES = new Set([
  'MEASUREMENT_INVALID',
  'VALIDATION',
  'NUMBER_INVALID',
  'IMPORT_ROW_INVALID',
  'IMPORT_DUPLICATE_COLUMN',
  'IMPORT_LIMIT',
  'IMPORT_ENCODING',
  'IMPORT_BINARY'
])

type Outcome = { ok: true; stored: number } | { ok: false; code: string; message: string; line?: number }

/** Uploads actuals as CSV (code, period_start, period_end, value[, note]); a bad line stores nothing. */
export function CsvUpload({ boardId, onStored }: { boardId: number; onStored: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)

  const upload = async (file: File) => {
    setBusy(true)
    setOutcome(null)
    try {
      const { stored } = await api.call('actuals.importCsv', { boardId, base64: await readAsBase64(file), fileName: file.name })
      setOutcome({ ok: true, stored })
      onStored()
    } catch (error) {
      const err = toApiError(error)
      if (!INLINE_CODES.has(err.code)) notify.error(err)
      const line = typeof err.details?.line === 'number' ? err.details.line : undefined
      setOutcome({ ok: false, code: err.code, message: err.message, line })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="actuals-csv" data-testid="csv-upload">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('actuals.csv.help')}{' '}
        <Typography.Text code data-literal>
          code,period_start,period_end,value,note
        </Typography.Text>
      </Typography.Paragraph>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file)
          return false
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="csv-button">
          {t('actuals.csv.choose')}
        </Button>
      </Upload>
      {outcome?.ok === true && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('actuals.csv.stored', { count: outcome.stored })} data-testid="csv-result" />
      )}
      {outcome?.ok === false && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="csv-error"
          data-line={outcome.line}
          title={outcome.line !== undefined ? t('actuals.csv.failedLine', { line: outcome.line }) : t(`errors.${outcome.code}`)}
          description={
            <>
              <div>{outcome.message}</div>
              <div>{t('actuals.csv.nothingStored')}</div>
            </>
          }
        />
      )}
    </div>
  )
}
