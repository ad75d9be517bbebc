import BellOutlined from '@ant-design/icons/BellOutlined'
import { App, Badge, Button, Drawer, List, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertView } from '../../../../electron/api'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { useUiStore } from '../ui/useUiStore'
import { openAlertCount } from './alert-rows'
import { useAlertStore } from './useAlertStore'

const LEVEL_COLOR: Record<AlertView['level'], string> = { red: 'red', yellow: 'gold', rule: 'volcano' }

/** Header bell: unacknowledged alerts of the open board, the history list, and a notification when one is raised. */
export function AlertsBell() {
  const { t } = useTranslation()
  const notify = useNotify()
  const { notification } = App.useApp()
  const boardId = useUiStore((s) => s.boardId)
  const openDetail = useUiStore((s) => s.openDetail)
  const alerts = useAlertStore((s) => s.alerts)
  const [open, setOpen] = useState(false)
  const count = openAlertCount(alerts)

  useEffect(() => {
    if (boardId !== null) useAlertStore.getState().load(boardId).catch(notify.error)
  }, [boardId, notify.error])

  useEffect(
    () =>
      api.on('alert.raised', ({ boardId: raisedOn, alerts: raised }) => {
        useAlertStore.getState().raised(raisedOn, raised)
        if (raisedOn !== useUiStore.getState().boardId) return
        for (const a of raised.slice(0, 3)) {
          notification.warning({ key: `alert-${a.id}`, title: t('actuals.alerts.raised', { code: a.code }), description: a.message, placement: 'bottomRight' })
        }
      }),
    [notification, t]
  )

  if (boardId === null) return null
  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => setOpen(true)}
          aria-label={t('actuals.alerts.title')}
          data-testid="alerts-bell"
          data-count={count}
        />
      </Badge>
      <Drawer title={t('actuals.alerts.title')} open={open} onClose={() => setOpen(false)} size={520} className="alerts-drawer">
        <List<AlertView>
          dataSource={alerts}
          locale={{ emptyText: t('actuals.alerts.empty') }}
          renderItem={(a) => (
            <List.Item
              data-testid="alert-item"
              className={a.acknowledgedAt ? 'alert-acknowledged' : ''}
              actions={[
                a.acknowledgedAt ? (
                  <Typography.Text key="ack" type="secondary">
                    {t('actuals.alerts.acknowledged')}
                  </Typography.Text>
                ) : (
                  <Button key="ack" size="small" onClick={() => useAlertStore.getState().acknowledge(a.id).catch(notify.error)} data-testid="alert-ack">
                    {t('actuals.alerts.acknowledge')}
                  </Button>
                )
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={6}>
                    <Tag color={LEVEL_COLOR[a.level]}>{t(`actuals.alerts.level.${a.level}`)}</Tag>
                    {a.severity && <Tag>{a.severity}</Tag>}
                    <Typography.Link
                      onClick={() => {
                        openDetail(a.kpiId)
                        setOpen(false)
                      }}
                    >
                      {a.code}
                    </Typography.Link>
                  </Space>
                }
                description={
                  <>
                    <div>{a.message}</div>
                    <Typography.Text type="secondary">{dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  )
}
