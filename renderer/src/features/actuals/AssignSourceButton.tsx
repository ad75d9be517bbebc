import DatabaseOutlined from '@ant-design/icons/DatabaseOutlined'
import { Button, Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { boardActionScope } from '../kpis/board-action-scope'
import { useKpiStore } from '../kpis/useKpiStore'
import { useSourceStore } from '../sources/useSourceStore'

interface Scope {
  ids: number[]
  label: string
}

/** The toolbar's "Assign data source": one connection for the ticked KPIs (else those shown), in one revision each, all or none. */
export function AssignSourceButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const sources = useSourceStore((s) => s.sources)
  const [scope, setScope] = useState<Scope | null>(null)
  const [source, setSource] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const { busy: saving, run } = useSubmit()

  const [waiting, setWaiting] = useState(false)
  const open = async () => {
    setWaiting(true)
    // Every id goes to kpi.editMany, so an unfiltered board is needed whole.
    const found = await boardActionScope({ needsEveryId: true }).finally(() => setWaiting(false))
    const label = found.kind === 'board' ? t('actuals.pull.boardScope') : t(`actuals.pull.${found.kind}Scope`, { count: found.ids.length })
    setScope({ ids: found.ids, label })
    setSource(null)
    setReason('')
    void useSourceStore.getState().load().catch(notify.error)
  }

  const assign = async () => {
    if (!scope || !source) return
    await run(async () => {
      const views = await api.call('kpi.editMany', { kpiIds: scope.ids, set: { dataSource: source }, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      for (const view of views) useKpiStore.getState().put(view)
      notify.success(t('actuals.query.assign.done', { count: views.length, source: source === 'manual' ? t('actuals.query.assign.manual') : source }))
      setScope(null)
    })
  }

  return (
    <>
      <Button icon={<DatabaseOutlined />} loading={waiting} onClick={() => void open().catch(notify.error)} data-testid="assign-source">
        {t('actuals.query.assign.button')}
      </Button>
      <Modal
        open={scope !== null}
        title={scope && t('actuals.query.assign.title', { scope: scope.label })}
        onCancel={() => setScope(null)}
        onOk={() => void assign()}
        okText={t('actuals.query.assign.ok')}
        okButtonProps={{ disabled: !source, loading: saving, ...{ 'data-testid': 'assign-source-ok' } }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('actuals.query.assign.explain')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('actuals.query.assign.source')}>
            <Select
              value={source}
              onChange={setSource}
              options={[
                ...sources.map((s) => ({ value: s.name, label: `${s.name} (${s.kind})` })),
                { value: 'manual', label: t('actuals.query.assign.manual') }
              ]}
              data-testid="assign-source-select"
            />
          </Form.Item>
          <Form.Item label={t('actuals.query.assign.reason')}>
            <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
