import RocketOutlined from '@ant-design/icons/RocketOutlined'
import SendOutlined from '@ant-design/icons/SendOutlined'
import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionView } from '../../../../electron/api'
import {
  NOTIFY_CHANNELS,
  REVIEW_CADENCES,
  type LaunchPlanState,
  type LaunchSchedule,
  type NotifyChannel,
  type ReviewCadence
} from '../../../../electron/domain/launch-plan'
import { addDays } from '../../../../electron/domain/period'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { downloadFiles } from '../export/download'
import { useUiStore } from '../ui/useUiStore'
import { useLeaveGuard, useUnsavedInput } from '../unsaved/useLeaveGuard'
import './launch.css'

interface PlanForm {
  launchDate: Dayjs | null
  owner: string
  cadence: ReviewCadence
  notify: string[]
  channel: NotifyChannel
  destination: string
}

/** The plan's values as comparable text (the date as a day). */
const planText = (values: PlanForm) => JSON.stringify({ ...values, launchDate: values.launchDate?.format('YYYY-MM-DD') ?? null })

export function LaunchButton() {
  const { t } = useTranslation()
  const openPanel = useUiStore((s) => s.openPanel)
  return (
    <Button icon={<RocketOutlined />} onClick={() => openPanel('launch')} data-testid="open-launch">
      {t('launch.button')}
    </Button>
  )
}

/** The board's launch plan, when each launched KPI moves to operating and by which rule, and "Notify the team". */
export function LaunchDrawer({ boardId, boardName }: { boardId: number; boardName: string }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = useUiStore((s) => s.panel === 'launch')
  const openPanel = useUiStore((s) => s.openPanel)
  const [form] = Form.useForm<PlanForm>()
  const channel = Form.useWatch('channel', form) ?? 'file'
  const [state, setState] = useState<LaunchPlanState | null>(null)
  const [versions, setVersions] = useState<VersionView[]>([])
  const [version, setVersion] = useState<string | undefined>()
  const [busy, setBusy] = useState<'save' | 'notify' | null>(null)
  const [posted, setPosted] = useState<string | null>(null)
  // The plan as last loaded or saved: typed values that differ make closing the drawer ask first.
  const [held, setHeld] = useState('')
  const [dirty, setDirty] = useState(false)

  const show = useCallback(
    (next: LaunchPlanState) => {
      setState(next)
      const plan = next.plan
      const values: PlanForm = {
        launchDate: plan ? dayjs(plan.launchDate) : null,
        owner: plan?.owner ?? '',
        cadence: plan?.cadence ?? 'monthly',
        notify: plan?.notify ?? [],
        channel: plan?.channel ?? 'file',
        destination: plan?.destination ?? ''
      }
      form.setFieldsValue(values)
      setHeld(planText(values))
      setDirty(false)
    },
    [form]
  )

  useEffect(() => {
    if (!open) return
    setPosted(null)
    api.call('launch.plan.get', { boardId }).then(show, notify.error)
    api.call('version.list', { boardId }).then(setVersions, notify.error)
  }, [open, boardId, show, notify.error])

  const save = async (values: PlanForm): Promise<boolean> => {
    setBusy('save')
    try {
      const plan = { ...values, launchDate: values.launchDate?.format('YYYY-MM-DD') ?? '' }
      show(await api.call('launch.plan.set', { boardId, plan }))
      notify.success(t('launch.saved'))
      return true
    } catch (error) {
      notify.error(error)
      return false
    } finally {
      setBusy(null)
    }
  }
  useUnsavedInput('launch', dirty, async () => {
    const values = await form.validateFields().catch(() => null)
    return values ? save(values) : false
  })

  const notifyTeam = async () => {
    setBusy('notify')
    try {
      // The notice is written in the board's language (its settings), not the reader's.
      const notice = await api.call('launch.notify', { boardId, versionLabel: version })
      const count = notice.kpiCount
      if (notice.file) {
        downloadFiles([notice.file])
        notify.success(t('launch.downloaded', { version: notice.versionLabel, count, file: notice.file.name }))
      } else notify.success(t('launch.posted', { version: notice.versionLabel, count }))
      setPosted(notice.url)
    } catch (error) {
      notify.error(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Drawer
      title={t('launch.title', { board: boardName })}
      open={open}
      onClose={() => useLeaveGuard.getState().leave('launch', () => openPanel(null))}
      size={720}
      data-testid="launch-drawer"
    >
      {state && !state.plan && <Alert type="info" showIcon title={t('launch.none')} className="launch-gap" data-testid="launch-none" />}
      {/* Saved by the button only: Enter in the date or the tags field must not save a half-filled plan. */}
      <Form<PlanForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        onValuesChange={() => setDirty(planText(form.getFieldsValue(true) as PlanForm) !== held)}
        component="div"
      >
        <Space size={16} wrap>
          <Form.Item name="launchDate" label={t('launch.launchDate')} rules={[{ required: true }]}>
            <DatePicker format="YYYY-MM-DD" data-testid="launch-date" />
          </Form.Item>
          <Form.Item name="cadence" label={t('launch.cadence')}>
            <Select
              style={{ width: 160 }}
              data-testid="launch-cadence"
              options={REVIEW_CADENCES.map((value) => ({ value, label: t(`launch.cadences.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="owner" label={t('launch.owner')}>
            <Input style={{ width: 200 }} data-testid="launch-owner" />
          </Form.Item>
        </Space>
        <Form.Item name="notify" label={t('launch.notify')} extra={t('launch.notifyHint')}>
          <Select mode="tags" open={false} suffixIcon={null} data-testid="launch-notify" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="channel" label={t('launch.channel')}>
            <Select
              style={{ width: 220 }}
              data-testid="launch-channel"
              options={NOTIFY_CHANNELS.map((value) => ({ value, label: t(`launch.channels.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="destination" label={t(`launch.destination.${channel}`)}>
            <Input style={{ width: 300 }} data-testid="launch-destination" />
          </Form.Item>
        </Space>
        <Form.Item>
          <Button type="primary" loading={busy === 'save'} onClick={() => form.submit()} data-testid="launch-save">
            {t('launch.save')}
          </Button>
        </Form.Item>
      </Form>

      <Typography.Title level={5} className="launch-gap">
        {t('launch.schedule')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="launch-rule">
        {t('launch.rule')}
      </Typography.Paragraph>
      <Table<LaunchSchedule>
        size="small"
        rowKey="kpiId"
        pagination={false}
        dataSource={state?.schedule ?? []}
        locale={{ emptyText: state?.plan ? t('launch.noLaunched') : t('launch.none') }}
        data-testid="launch-schedule"
        columns={[
          { title: t('launch.kpi'), dataIndex: 'code', width: 120 },
          { title: t('launch.launchedOn'), dataIndex: 'launchedOn', width: 120 },
          {
            title: t('launch.firstReview'),
            render: (_, s) => `${s.firstReview.label} (${s.firstReview.start} – ${addDays(s.firstReview.end, -1)})`
          },
          { title: t('launch.movesOn'), width: 150, render: (_, s) => (s.due ? <Tag color="gold">{t('launch.due')}</Tag> : s.firstReview.end) }
        ]}
      />

      <Space className="launch-gap" wrap>
        <Select
          style={{ width: 180 }}
          placeholder={t('launch.latest')}
          allowClear
          value={version}
          onChange={setVersion}
          data-testid="launch-version"
          options={versions.map((v) => ({ value: v.label, label: v.label }))}
        />
        <Button icon={<SendOutlined />} disabled={!state?.plan} loading={busy === 'notify'} onClick={() => void notifyTeam()} data-testid="launch-notify-team">
          {t('launch.notifyTeam')}
        </Button>
        {posted && (
          <Typography.Link href={posted} target="_blank" rel="noreferrer" data-testid="launch-posted">
            {t('launch.open')}
          </Typography.Link>
        )}
      </Space>
    </Drawer>
  )
}
