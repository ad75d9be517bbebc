import { Checkbox, Input, Select, Table, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FREQUENCIES } from '../../../../electron/domain/kpi'
import { FormulaModal } from './FormulaModal'
import { duplicateCodes, type EditableField, type ImportRow } from './import-rows'
import { ActionTag, AssistedMark, Confidence, FormulaButton, SourceLines, WarningTags } from './RowBadges'
import { TargetCell } from './TargetCell'
import { useImportStore } from './useImportStore'

/** Every KPI found, editable in place; unticked rows are left out of the commit. */
export function ImportPreviewTable() {
  const { t } = useTranslation()
  const rows = useImportStore((s) => s.rows)
  const toggle = useImportStore((s) => s.toggle)
  const edit = useImportStore((s) => s.edit)
  const editTarget = useImportStore((s) => s.editTarget)
  const [formulaOf, setFormulaOf] = useState<ImportRow | null>(null)
  const duplicates = useMemo(() => duplicateCodes(rows), [rows])

  const field = (name: EditableField, width: number) => ({
    title: t(`field.${name}`),
    key: name,
    width,
    render: (_: unknown, row: ImportRow) => (
      <Input
        size="small"
        value={String(row.fields[name] ?? '')}
        status={
          name === 'code' && (duplicates.has(row.fields.code.trim().toLowerCase()) || !row.fields.code.trim())
            ? 'error'
            : name === 'name' && !row.fields.name.trim()
              ? 'error'
              : undefined
        }
        onChange={(e) => edit(row.index, { [name]: e.target.value })}
        aria-label={t(`field.${name}`)}
        data-testid={`row-${name}`}
        suffix={row.candidate.assisted.includes(name) ? <AssistedMark /> : undefined}
      />
    )
  })

  const columns: TableColumnsType<ImportRow> = [
    {
      title: t('import.include'),
      key: 'include',
      width: 56,
      fixed: 'left',
      render: (_, row) => (
        <Checkbox checked={row.include} onChange={(e) => toggle(row.index, e.target.checked)} aria-label={t('import.include')} data-testid="row-include" />
      )
    },
    {
      ...field('code', 150),
      fixed: 'left',
      render: (_, row) => (
        <>
          {field('code', 150).render(null, row)}
          <SourceLines row={row} />
        </>
      )
    },
    field('name', 180),
    { title: t('field.target'), key: 'target', width: 190, render: (_, row) => <TargetCell row={row} onChange={(value) => editTarget(row.index, value)} /> },
    {
      title: t('import.warnings'),
      key: 'warnings',
      width: 230,
      render: (_, row) => (
        <>
          <Confidence value={row.candidate.confidence} />
          <WarningTags row={row} />
        </>
      )
    },
    field('unit', 76),
    {
      title: t('field.frequency'),
      key: 'frequency',
      width: 110,
      render: (_, row) => (
        <Select
          size="small"
          allowClear
          value={row.fields.frequency ?? undefined}
          onChange={(frequency) => edit(row.index, { frequency: frequency ?? null })}
          options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
          style={{ width: '100%' }}
          aria-label={t('field.frequency')}
        />
      )
    },
    field('owner', 100),
    field('category', 120),
    field('sourceNote', 140),
    { title: t('import.formula'), key: 'formula', width: 64, render: (_, row) => <FormulaButton row={row} onOpen={() => setFormulaOf(row)} /> },
    { title: t('import.action'), key: 'action', width: 110, fixed: 'right', render: (_, row) => <ActionTag row={row} /> }
  ]

  return (
    <>
      <Table<ImportRow>
        className="import-preview"
        size="small"
        rowKey="index"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1500, y: 440 }}
        rowClassName={(row) => (row.include ? '' : 'import-row-dropped')}
        onRow={(row) => ({ 'data-testid': 'import-row', 'data-index': row.index }) as React.HTMLAttributes<HTMLElement>}
      />
      <FormulaModal
        code={formulaOf?.fields.code ?? null}
        formula={formulaOf?.fields.formula ?? ''}
        onSave={(formula) => formulaOf && edit(formulaOf.index, { formula })}
        onClose={() => setFormulaOf(null)}
      />
    </>
  )
}
