import { AutoComplete, Button, Checkbox, Form, InputNumber, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormulaPreview } from '../../../../electron/api'
import { GRAINS } from '../../../../electron/domain/period'
import type { ResultMapping } from '../../../../electron/domain/result-mapping'
import { distinctCells, fromFormValues, toFormValues, type MappingFormValues } from './mapping-form'
import { useUnsavedInput } from '../unsaved/useLeaveGuard'

interface Props {
  preview: FormulaPreview
  mapping: ResultMapping | null
  saving: boolean
  onTry: (mapping: ResultMapping | null) => void
  /** Resolves true when the mapping was saved. */
  onSave: (mapping: ResultMapping | null) => Promise<boolean>
  onCancel: () => void
}

/** Every part of the mapping as a choice among the result's columns; previewed before it is saved. */
export function MappingEditor({ preview, mapping, saving, onTry, onSave, onCancel }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<MappingFormValues>()
  const period = Form.useWatch('period', form)
  const segmentColumn = Form.useWatch('segmentColumn', form)
  const combine = Form.useWatch('combine', form)
  const columns = preview.table.columns
  const all = columns.map((c) => ({ value: c.name, label: c.name }))
  const numbers = columns.filter((c) => c.kind === 'number').map((c) => ({ value: c.name, label: c.name }))
  const e = (key: string) => t(`actuals.query.editor.${key}`)
  const current = () => fromFormValues(form.getFieldsValue(true) as MappingFormValues)
  // A mapping chosen but not saved makes closing the KPI drawer ask first.
  const [dirty, setDirty] = useState(false)
  useUnsavedInput('kpi/mapping', dirty, () => onSave(current()))
  const onValuesChange = () => setDirty(JSON.stringify(current()) !== JSON.stringify(fromFormValues(toFormValues(mapping))))

  return (
    <Form
      form={form}
      size="small"
      layout="vertical"
      initialValues={toFormValues(mapping)}
      onValuesChange={onValuesChange}
      className="mapping-editor"
      data-testid="mapping-editor"
    >
      <div className="form-row">
        <Form.Item name="value" label={e('value')} style={{ flex: 1 }}>
          <Select allowClear options={numbers} data-testid="mapping-value" />
        </Form.Item>
        <Form.Item name="period" label={e('period')} style={{ flex: 1 }}>
          <Select allowClear placeholder={e('periodNone')} options={all} data-testid="mapping-period" />
        </Form.Item>
        <Form.Item name="grain" label={e('grain')} style={{ width: 150 }}>
          <Select
            disabled={!period}
            options={[{ value: 'auto', label: e('grainAuto') }, ...GRAINS.map((g) => ({ value: g, label: t(`actuals.query.grain.${g}`) }))]}
          />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="segmentColumn" label={e('segment')} style={{ flex: 1 }}>
          <Select allowClear placeholder={e('segmentNone')} options={all} data-testid="mapping-segment" />
        </Form.Item>
        <Form.Item name="segmentValue" label={e('segmentValue')} style={{ flex: 1 }}>
          <AutoComplete
            disabled={!segmentColumn}
            options={distinctCells(preview, segmentColumn ?? null).map((v) => ({ value: v }))}
            data-testid="mapping-segment-value"
          />
        </Form.Item>
      </div>
      <Form.Item name="combine" label={e('combine')}>
        <Select
          options={(['none', 'sum', 'ratio', 'weighted'] as const).map((k) => ({ value: k, label: e(`combine${k[0]!.toUpperCase()}${k.slice(1)}`) }))}
          data-testid="mapping-combine"
        />
      </Form.Item>
      {combine === 'ratio' && (
        <div className="form-row">
          <Form.Item name="numerator" label={e('numerator')} style={{ flex: 1 }}>
            <Select options={numbers} />
          </Form.Item>
          <Form.Item name="denominator" label={e('denominator')} style={{ flex: 1 }}>
            <Select options={numbers} />
          </Form.Item>
          <Form.Item name="factor" label={e('factor')} style={{ width: 110 }}>
            <InputNumber min={0.0001} />
          </Form.Item>
        </div>
      )}
      {combine === 'weighted' && (
        <Form.Item name="weight" label={e('weight')}>
          <Select options={numbers} />
        </Form.Item>
      )}
      <div className="form-row">
        <Form.Item name="scale" label={e('scale')} style={{ width: 220 }}>
          <Select
            options={[
              { value: 'none', label: e('scaleNone') },
              { value: '100', label: e('scalePercent') },
              { value: '0.01', label: e('scaleRatio') }
            ]}
          />
        </Form.Item>
        <Form.Item name="rolling" valuePropName="checked" label=" " style={{ flex: 1 }}>
          <Checkbox data-testid="mapping-rolling">{e('rolling')}</Checkbox>
        </Form.Item>
      </div>
      <Space>
        <Button onClick={() => onTry(current())} data-testid="mapping-try">
          {e('try')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void onSave(current())} data-testid="mapping-save">
          {e('save')}
        </Button>
        <Button type="text" onClick={onCancel}>
          {e('cancel')}
        </Button>
      </Space>
    </Form>
  )
}
