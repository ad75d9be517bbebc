import { AutoComplete, Button, Checkbox, Divider, Form, Input, InputNumber, Select, Space } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { DIRECTIONS, FREQUENCIES, STAGES, STATUSES } from '../../../../electron/domain/kpi'
import { TargetPreview } from '../../components/TargetPreview'
import { useKeepUnparsedTarget } from '../kpis/useKeepUnparsedTarget'
import { useNotify } from '../../components/useNotify'
import { useKpiStore } from '../kpis/useKpiStore'
import { useSourceStore } from '../sources/useSourceStore'
import { formPatch, isRebaseline, toFormValues, type KpiFormValues } from './form-values'
import { BenchmarksEditor, MilestonesEditor } from './ListEditors'
import { JudgingFields } from './JudgingFields'
import { LockedTarget } from './LockedTarget'
import { useLeaveGuard } from '../unsaved/useLeaveGuard'
import { fieldLock } from '../../../../electron/domain/field-locks'

const half = { style: { flex: 1, minWidth: 0 } }

/** Every field of the KPI; Save sends only what changed, with the reason, as one new revision. */
export function KpiForm({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const edit = useKpiStore((s) => s.edit)
  const keepUnparsed = useKeepUnparsedTarget()
  const sources = useSourceStore((s) => s.sources)
  const sourceOptions = [...sources.map((s) => ({ value: s.name })), { value: 'manual' }]
  const [form] = Form.useForm<KpiFormValues & { reason: string }>()
  const target = Form.useWatch('target', form) ?? ''
  const metricName = Form.useWatch('name', form) ?? kpi.name
  const metricUnit = Form.useWatch('unit', form) ?? kpi.unit
  const [saving, setSaving] = useState(false)
  const locked = fieldLock(kpi, 'target') !== null
  // A locked target is read-only until the user asks to re-baseline it.
  const [rebaselining, setRebaselining] = useState(false)
  const targetChanged = target.trim() !== (kpi.target?.text ?? '')
  const markDirty = useLeaveGuard((s) => s.markDirty)

  // Only a newer revision resets the form: after an error the typed values stay.
  const latestKpi = useRef(kpi)
  latestKpi.current = kpi
  useEffect(() => {
    form.setFieldsValue({ ...toFormValues(latestKpi.current), reason: '' })
    setRebaselining(false)
    markDirty('kpi', null)
  }, [kpi.id, kpi.revisionId, form, markDirty])
  useEffect(() => () => markDirty('kpi', null), [markDirty])
  useEffect(() => void useSourceStore.getState().load().catch(notify.error), [notify.error])

  /** Saves the form as one revision; true when saved (or nothing changed), false when refused. */
  const save = async (): Promise<boolean> => {
    try {
      await form.validateFields()
    } catch {
      return false
    }
    const { reason, ...values } = form.getFieldsValue(true) as KpiFormValues & { reason: string }
    const patch = formPatch(kpi, values)
    if (Object.keys(patch).length === 0) {
      notify.success(t('drawer.noChange'))
      return true
    }
    setSaving(true)
    try {
      const view = await keepUnparsed((allowUnparsedTarget) =>
        edit(kpi.id, patch, {
          reason: reason?.trim() || undefined,
          expectedRevisionId: kpi.revisionId,
          rebaseline: isRebaseline(kpi, patch) || undefined,
          allowUnparsedTarget
        })
      )
      if (view) notify.success(t('drawer.saved', { number: view.revisionNumber }))
      return view !== null
    } catch (error) {
      notify.error(error)
      return false
    } finally {
      setSaving(false)
    }
  }
  const latestSave = useRef(save)
  latestSave.current = save
  const saveUnsaved = useCallback(() => latestSave.current(), [])

  // Typed input the KPI does not hold yet makes closing the drawer ask first (useLeaveGuard).
  const onValuesChange = () => {
    const { reason, ...values } = form.getFieldsValue(true) as KpiFormValues & { reason: string }
    const dirty = Object.keys(formPatch(latestKpi.current, values)).length > 0 || Boolean(reason?.trim())
    markDirty('kpi', dirty ? saveUnsaved : null)
  }

  const required = [{ required: true, whitespace: true, message: t('validation.required') }]
  const choices = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))
  return (
    <Form form={form} layout="vertical" size="small" name="kpi-form" className="kpi-form" disabled={kpi.stage === 'retired'} onValuesChange={onValuesChange}>
      <div className="form-row">
        <Form.Item name="code" label={t('field.code')} rules={required} style={{ width: 150 }}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={required} {...half}>
          <Input />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t('field.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="target"
        label={t('field.target')}
        extra={
          <>
            {locked && <LockedTarget rebaselining={rebaselining} onRebaseline={() => setRebaselining(true)} />}
            <TargetPreview text={target} metric={{ name: metricName, unit: metricUnit }} />
          </>
        }
      >
        <Input disabled={locked && !rebaselining} data-testid="kpi-target-input" />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="unit" label={t('field.unit')} style={{ width: 100 }}>
          <Input />
        </Form.Item>
        <Form.Item name="direction" label={t('field.direction')} {...half}>
          <Select options={choices(DIRECTIONS, 'direction')} />
        </Form.Item>
        <Form.Item name="frequency" label={t('field.frequency')} {...half}>
          <Select allowClear options={choices(FREQUENCIES, 'frequency')} />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="stage" label={t('field.stage')} {...half}>
          <Select
            options={choices(
              STAGES.filter((s) => s !== 'retired'),
              'stage'
            )}
          />
        </Form.Item>
        <Form.Item name="status" label={t('field.status')} {...half}>
          <Select
            options={choices(
              STATUSES.filter((s) => s !== 'retired'),
              'status'
            )}
          />
        </Form.Item>
        <Form.Item name="owner" label={t('field.owner')} {...half}>
          <Input />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="category" label={t('field.category')} {...half}>
          <Input />
        </Form.Item>
        <Form.Item name="dataSource" label={t('field.dataSource')} {...half}>
          <AutoComplete options={sourceOptions} data-testid="kpi-data-source" />
        </Form.Item>
      </div>
      <Form.Item name="sourceNote" label={t('field.sourceNote')} extra={t('drawer.sourceNoteHelp')}>
        <Input />
      </Form.Item>
      <Form.Item name="formula" label={t('field.formula')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} className="mono" />
      </Form.Item>
      <JudgingFields kpi={kpi} />
      <Divider plain titlePlacement="start">
        {t('field.alertThresholds')}
      </Divider>
      <div className="form-row">
        <Form.Item name="redPct" label={t('drawer.redRatio')} {...half}>
          <InputNumber min={1} max={1000} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="yellowPct" label={t('drawer.yellowRatio')} {...half}>
          <InputNumber min={1} max={1000} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="alertText" label={t('drawer.thresholdText')} {...half}>
          <Input />
        </Form.Item>
      </div>
      <Divider plain titlePlacement="start">
        {t('field.benchmarks')}
      </Divider>
      <BenchmarksEditor />
      <Divider plain titlePlacement="start">
        {t('field.milestones')}
      </Divider>
      <MilestonesEditor />
      <Divider />
      <Form.Item name="tags" label={t('field.tags')}>
        <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('drawer.tagsPlaceholder')} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="notes" label={t('field.notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('drawer.reason')}
        rules={locked && targetChanged ? required : []}
        extra={
          locked && targetChanged ? (
            <Checkbox checked disabled>
              {t('drawer.rebaseline')}
            </Checkbox>
          ) : undefined
        }
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('drawer.reasonPlaceholder')} maxLength={2000} />
      </Form.Item>
      <Space>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="kpi-save">
          {t('app.save')}
        </Button>
      </Space>
    </Form>
  )
}
