import LoadingOutlined from '@ant-design/icons/LoadingOutlined'
import { Alert } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'

/** How long the waiting notice stays after the last word from the core (it reports about every 250 ms). */
const QUIET_MS = 1500

/**
 * What the workspace itself tells the user: that a change waits for another KPI Loop window or
 * command, and that it was opened read-only because its disk is full.
 */
export function WorkspaceNotices() {
  const { t } = useTranslation()
  const [waitedMs, setWaitedMs] = useState<number | null>(null)
  const [readOnly, setReadOnly] = useState(false)

  useEffect(() => {
    let quiet: ReturnType<typeof setTimeout> | undefined
    const off = api.on('workspace.waiting', ({ waitedMs }) => {
      setWaitedMs(waitedMs)
      clearTimeout(quiet)
      quiet = setTimeout(() => setWaitedMs(null), QUIET_MS)
    })
    api.call('app.info', {}).then(
      (info) => setReadOnly(info.readOnly === 'disk-full'),
      () => {}
    )
    return () => {
      off()
      clearTimeout(quiet)
    }
  }, [])

  return (
    <>
      {readOnly && <Alert type="warning" showIcon banner title={t('backup.readOnly')} data-testid="workspace-read-only" />}
      {waitedMs !== null && (
        <Alert
          className="workspace-waiting"
          type="info"
          showIcon
          icon={<LoadingOutlined />}
          title={t('backup.waiting', { seconds: Math.max(1, Math.round(waitedMs / 1000)) })}
          data-testid="workspace-waiting"
        />
      )}
    </>
  )
}
