import { Radio, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useKpiStore } from '../kpis/useKpiStore'
import { useVersionStore } from '../versions/useVersionStore'
import { useExportStore } from './useExportStore'

/** The whole board as it is now, some of its KPIs, or one of its versions. */
export function ExportScope() {
  const { t } = useTranslation()
  const kpis = useKpiStore((s) => s.kpis)
  // The whole board is exported by its id on the server: its size is the total, loaded or not.
  const boardSize = useKpiStore((s) => s.progress?.total ?? s.kpis.length)
  const versions = useVersionStore((s) => s.versions)
  const scope = useExportStore((s) => s.scope)
  const kpiIds = useExportStore((s) => s.kpiIds)
  const versionLabel = useExportStore((s) => s.versionLabel)
  const setScope = useExportStore((s) => s.setScope)
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <Typography.Text strong>{t('export.scope')}</Typography.Text>
      <Radio.Group value={scope} onChange={(e) => setScope({ scope: e.target.value })} data-testid="export-scope">
        <Radio value="board">{t('export.scopeBoard', { count: boardSize })}</Radio>
        <Radio value="selection">{t('export.scopeSelection')}</Radio>
        <Radio value="version" disabled={versions.length === 0}>
          {t('export.scopeVersion')}
        </Radio>
      </Radio.Group>
      {scope === 'selection' && (
        <Select
          mode="multiple"
          allowClear
          placeholder={t('export.pickKpis')}
          value={kpiIds}
          onChange={(ids) => setScope({ kpiIds: ids })}
          options={kpis.map((k) => ({ value: k.id, label: `${k.code} · ${k.name}` }))}
          optionFilterProp="label"
          maxTagCount="responsive"
          style={{ width: '100%' }}
          data-testid="export-kpis"
        />
      )}
      {scope === 'version' && (
        <Select
          placeholder={t('export.pickVersion')}
          value={versionLabel ?? undefined}
          onChange={(label) => setScope({ versionLabel: label })}
          options={[...versions].reverse().map((v) => ({ value: v.label, label: `${v.label}${v.note ? ` · ${v.note}` : ''}` }))}
          style={{ width: 320 }}
          data-testid="export-version"
        />
      )}
    </Space>
  )
}
