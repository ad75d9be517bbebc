import SafetyOutlined from '@ant-design/icons/SafetyOutlined'
import { Button, Drawer, Space } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupView } from '../../../../electron/domain/backup'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { useBoardStore } from '../boards/useBoardStore'
import { useUiStore } from '../ui/useUiStore'
import { BackupSchedule } from './BackupSchedule'
import { BackupTable, backupTime } from './BackupTable'
import { useBackupStore } from './useBackupStore'
import './backup.css'

/** After a restore every board may differ: start again from the board list. */
async function reopenBoards(): Promise<void> {
  useUiStore.getState().selectBoard(null)
  await useBoardStore.getState().load()
  const first = useBoardStore.getState().boards[0]
  if (first) useUiStore.getState().selectBoard(first.id)
}

/** Header button and the backups drawer: the folder, the schedule, back up now, restore. */
export function BackupsButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = useBackupStore((s) => s.open)
  const settings = useBackupStore((s) => s.settings)
  const backups = useBackupStore((s) => s.backups)
  const { busy, run } = useSubmit()

  useEffect(() => {
    if (open) useBackupStore.getState().load().catch(notify.error)
  }, [open, notify.error])

  const backUpNow = () =>
    void run(async () => {
      const made = await useBackupStore.getState().create()
      notify.success(t('backup.made', { file: made.file }))
    })
  const restore = (backup: BackupView) =>
    run(async () => {
      await useBackupStore.getState().restore(backup.file)
      useBackupStore.getState().setOpen(false)
      await reopenBoards()
      notify.success(t('backup.restored', { when: backupTime(backup.at) }))
    })

  return (
    <>
      <Button type="text" icon={<SafetyOutlined />} onClick={() => useBackupStore.getState().setOpen(true)} data-testid="open-backups">
        {t('backup.button')}
      </Button>
      <Drawer
        title={t('backup.title')}
        open={open}
        onClose={() => useBackupStore.getState().setOpen(false)}
        size={720}
        className="backups-drawer"
        extra={
          <Button type="primary" loading={busy} onClick={backUpNow} data-testid="backup-now">
            {t('backup.now')}
          </Button>
        }
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {settings && <BackupSchedule settings={settings} />}
          <BackupTable backups={backups} onRestore={restore} />
        </Space>
      </Drawer>
    </>
  )
}
