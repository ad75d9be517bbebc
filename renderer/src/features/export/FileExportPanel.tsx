import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import { Button, Checkbox, Radio, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileFormat } from '../../../../electron/domain/export'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { useExportStore } from './useExportStore'

const FORMATS: FileFormat[] = ['markdown', 'csv', 'xlsx', 'jira-csv', 'notion']

/** Files built by the core and saved through the browser's download. */
export function FileExportPanel({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const download = useExportStore((s) => s.download)
  const [format, setFormat] = useState<FileFormat>('markdown')
  const [epic, setEpic] = useState(false)
  const { busy, run: submit } = useSubmit()

  const run = () =>
    submit(async () => {
      const names = await download(format, epic)
      notify.success(t('export.downloaded', { files: names.join(', ') }))
    })

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)} optionType="button" buttonStyle="solid" data-testid="export-format">
        {FORMATS.map((f) => (
          <Radio.Button key={f} value={f} data-format={f}>
            {t(`export.formats.${f}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      <Typography.Text type="secondary">{t(`export.formatHint.${format}`)}</Typography.Text>
      {format === 'jira-csv' && (
        <Checkbox checked={epic} onChange={(e) => setEpic(e.target.checked)}>
          {t('export.epic')}
        </Checkbox>
      )}
      <Button type="primary" icon={<DownloadOutlined />} loading={busy} disabled={disabled} onClick={() => void run()} data-testid="export-download">
        {t('export.download')}
      </Button>
    </Space>
  )
}
