import { Alert, Button, Checkbox, DatePicker, Modal, Progress, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { PullResults } from './PullResults'
import { usePullStore } from './usePullStore'

const defaultRange = (): [Dayjs, Dayjs] => [dayjs().subtract(6, 'month').startOf('month'), dayjs().startOf('month')]

/** Runs a pull for the scope the store holds: optional backfill range, live progress, cancel, results. */
export function PullDialog() {
  const { t } = useTranslation()
  const notify = useNotify()
  const scope = usePullStore((s) => s.scope)
  const running = usePullStore((s) => s.running)
  const progress = usePullStore((s) => s.progress)
  const summary = usePullStore((s) => s.summary)
  const cancelled = usePullStore((s) => s.cancelled)
  const { start, stop, close } = usePullStore.getState()
  const [backfill, setBackfill] = useState(false)
  const [range, setRange] = useState<[Dayjs, Dayjs]>(defaultRange)

  const run = () => {
    const dates = backfill ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}
    start(dates).catch(notify.error)
  }
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  const footer = running
    ? [
        <Button key="cancel" danger onClick={stop} data-testid="pull-cancel">
          {t('actuals.pull.cancel')}
        </Button>
      ]
    : [
        <Button key="close" onClick={close}>
          {t('app.close')}
        </Button>,
        <Button key="start" type="primary" onClick={run} data-testid="pull-start">
          {summary || cancelled ? t('actuals.pull.again') : t('actuals.pull.start')}
        </Button>
      ]

  return (
    <Modal
      open={scope !== null}
      title={scope && t('actuals.pull.title', { scope: scope.label })}
      onCancel={close}
      footer={footer}
      maskClosable={!running}
      closable={!running}
      width={680}
      className="pull-dialog"
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Text type="secondary">{t('actuals.pull.explain')}</Typography.Text>
        <Space wrap>
          <Checkbox checked={backfill} disabled={running} onChange={(e) => setBackfill(e.target.checked)} data-testid="pull-backfill">
            {t('actuals.pull.backfill')}
          </Checkbox>
          {backfill && (
            <DatePicker.RangePicker
              value={range}
              disabled={running}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="pull-range"
            />
          )}
        </Space>
        {(running || progress) && (
          <div data-testid="pull-progress" data-done={progress?.done ?? 0} data-total={progress?.total ?? 0}>
            <Progress percent={percent} status={running ? 'active' : cancelled ? 'exception' : 'success'} />
            <Typography.Text type="secondary">
              {!progress
                ? t('actuals.pull.starting')
                : running
                  ? t('actuals.pull.progress', { done: progress.done, total: progress.total, code: progress.code })
                  : t('actuals.pull.finished', { done: progress.done, total: progress.total })}
            </Typography.Text>
          </div>
        )}
        {cancelled && !running && <Alert type="warning" showIcon title={t('actuals.pull.cancelled')} data-testid="pull-cancelled" />}
        {summary && <PullResults summary={summary} />}
      </Space>
    </Modal>
  )
}
