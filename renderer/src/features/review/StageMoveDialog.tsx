import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GateItem } from '../../../../electron/api'
import type { Stage } from '../../../../electron/domain/kpi'
import { api, ApiError } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { useKpiStore } from '../kpis/useKpiStore'
import { GateChecklist } from './GateChecklist'
import { FORWARD_STAGES, gateState } from './review-format'
import { useReviewStore } from './useReviewStore'

/** "Move to stage…" for one KPI or the board: the gate checklist, a reason to override, the target confirmation at launch. */
export function StageMoveDialog({ onSuggestCut }: { onSuggestCut: (label: string) => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const move = useReviewStore((s) => s.move)
  const close = () => useReviewStore.getState().openMove(null)
  const kpi = useKpiStore((s) => (move?.scope === 'kpi' ? s.kpis.find((k) => k.id === move.kpiId) : undefined))
  const put = useKpiStore((s) => s.put)
  const [to, setTo] = useState<Stage>('feasibility')
  const [items, setItems] = useState<GateItem[]>([])
  const [blocked, setBlocked] = useState<{ code: string; checklist: GateItem[] }[]>([])
  const [reason, setReason] = useState('')
  const [confirmTarget, setConfirmTarget] = useState(false)
  const [scopeShown, setScopeShown] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!move) return
    setReason('')
    setBlocked([])
    setItems([])
    setConfirmTarget(false)
    setScopeShown(move.scope === 'board' && !!move.kpiIds)
    const current = move.scope === 'kpi' ? useKpiStore.getState().kpis.find((k) => k.id === move.kpiId)?.stage : undefined
    const next = FORWARD_STAGES[Math.min(FORWARD_STAGES.length - 1, current ? FORWARD_STAGES.indexOf(current as (typeof FORWARD_STAGES)[number]) + 1 : 1)]!
    setTo(move.scope === 'kpi' && move.to ? move.to : next)
  }, [move])

  useEffect(() => {
    if (move?.scope !== 'kpi') return
    api.call('stage.checklist', { kpiId: move.kpiId, to }).then(setItems, notify.error)
  }, [move, to, notify.error])

  if (!move) return null
  // The launch gate's "target confirmed" item is met by the checkbox below.
  const confirmed = (list: GateItem[]) => list.map((i) => (i.id === 'gate.target-confirmed' && confirmTarget ? { ...i, ok: true } : i))
  const shownItems = confirmed(items)
  const allItems = move.scope === 'kpi' ? shownItems : confirmed(blocked.flatMap((b) => b.checklist))
  const { unmet, canMove } = gateState(allItems, reason)
  const launching = to === 'launched'

  const submit = async () => {
    setBusy(true)
    const options = { to, reason: reason.trim() || undefined, ...(launching ? { confirmTarget } : {}) }
    try {
      if (move.scope === 'kpi') {
        const moved = await api.call('stage.set', { kpiId: move.kpiId, ...options })
        put(moved.kpi)
        close()
        return
      }
      const boardId = useKpiStore.getState().boardId!
      const result = await api.call('stage.moveBoard', { boardId, ...options, ...(scopeShown && move.kpiIds ? { kpiIds: move.kpiIds } : {}) })
      result.moved.forEach((m) => put(m.kpi))
      notify.success(t('review.move.moved', { count: result.moved.length }))
      if (result.blocked.length) {
        setBlocked(result.blocked)
        return
      }
      close()
      if (result.moved.length) onSuggestCut(result.suggestedLabel)
    } catch (error) {
      if (error instanceof ApiError && error.code === 'GATE_BLOCKED' && Array.isArray(error.details?.checklist)) setItems(error.details.checklist as GateItem[])
      else notify.error(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      onCancel={close}
      onOk={submit}
      okText={unmet.length ? t('review.move.override') : t('review.move.submit')}
      cancelText={t('app.cancel')}
      okButtonProps={{ disabled: !canMove || (launching && !confirmTarget), loading: busy, id: 'move-submit' }}
      title={move.scope === 'kpi' ? t('review.move.title', { what: kpi?.code ?? '' }) : t('review.move.titleBoard')}
      className="stage-move-dialog"
      width={620}
    >
      <Form layout="vertical">
        <Form.Item label={t('review.move.to')}>
          <Select
            value={to}
            onChange={(v) => {
              setTo(v)
              setBlocked([])
            }}
            data-testid="move-to"
            options={FORWARD_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
        </Form.Item>
        {move.scope === 'board' && move.kpiIds && (
          <Form.Item label={t('review.move.scope')}>
            <Radio.Group value={scopeShown} onChange={(e) => setScopeShown(e.target.value)}>
              <Radio value={false}>{t('review.move.scopeBehind')}</Radio>
              <Radio value={true}>{t('review.move.scopeShown', { count: move.kpiIds.length })}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {move.scope === 'kpi' && (
          <Form.Item label={t('review.move.checklist')}>
            <GateChecklist items={shownItems} />
          </Form.Item>
        )}
        {blocked.length > 0 && (
          <>
            <Alert type="warning" showIcon title={t('review.move.blocked', { count: blocked.length })} className="review-note" />
            {blocked.map((b) => (
              <div key={b.code} className="gate-blocked">
                <Typography.Text strong>{t('review.move.blockedBy', { code: b.code })}</Typography.Text>
                <GateChecklist items={confirmed(b.checklist)} />
              </div>
            ))}
          </>
        )}
        {(unmet.length > 0 || move.scope === 'board') && (
          <Form.Item label={t('review.move.reason')}>
            <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="move-reason" />
          </Form.Item>
        )}
        {launching && (
          <Checkbox checked={confirmTarget} onChange={(e) => setConfirmTarget(e.target.checked)} data-testid="confirm-target">
            {kpi ? t('review.move.confirmTarget', { target: kpi.target?.text ?? '—' }) : t('review.move.confirmTargets')}
          </Checkbox>
        )}
      </Form>
    </Modal>
  )
}
