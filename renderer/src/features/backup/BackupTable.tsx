import { Button, Popconfirm, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { BackupView } from '../../../../electron/domain/backup'

const REASON_COLORS: Record<BackupView['reason'], string> = {
  scheduled: 'default',
  manual: 'blue',
  'pre-migration': 'purple',
  'pre-restore': 'gold',
  damaged: 'red'
}

export const backupTime = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm')
const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`)
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file

/** The backups, newest first; each one that holds a whole workspace can be restored. */
export function BackupTable({ backups, onRestore }: { backups: BackupView[]; onRestore: (backup: BackupView) => Promise<void> }) {
  const { t } = useTranslation()
  return (
    <Table<BackupView>
      size="small"
      rowKey="file"
      dataSource={backups}
      pagination={backups.length > 12 ? { pageSize: 12, size: 'small' } : false}
      locale={{ emptyText: t('backup.empty') }}
      data-testid="backup-table"
      columns={[
        { title: t('backup.when'), dataIndex: 'at', width: 150, render: (at: number) => backupTime(at) },
        {
          title: t('backup.why'),
          dataIndex: 'reason',
          width: 180,
          render: (reason: BackupView['reason']) => <Tag color={REASON_COLORS[reason]}>{t(`backup.reasons.${reason}`)}</Tag>
        },
        { title: t('backup.size'), dataIndex: 'bytes', width: 90, align: 'right', render: size },
        { title: t('backup.file'), dataIndex: 'file', ellipsis: true, render: (file: string) => <span title={file}>{fileName(file)}</span> },
        {
          key: 'restore',
          width: 90,
          render: (_: unknown, backup: BackupView) =>
            backup.reason !== 'damaged' && (
              <Popconfirm
                title={t('backup.confirmRestore', { when: backupTime(backup.at) })}
                description={<div className="backup-confirm">{t('backup.confirmRestoreDetail')}</div>}
                okText={t('backup.restore')}
                cancelText={t('app.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => onRestore(backup)}
              >
                <Button size="small" data-testid="backup-restore">
                  {t('backup.restore')}
                </Button>
              </Popconfirm>
            )
        }
      ]}
    />
  )
}
