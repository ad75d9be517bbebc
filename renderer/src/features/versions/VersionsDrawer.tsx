import BranchesOutlined from '@ant-design/icons/BranchesOutlined'
import RollbackOutlined from '@ant-design/icons/RollbackOutlined'
import SwapOutlined from '@ant-design/icons/SwapOutlined'
import { Button, Drawer, Empty, List, Select, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionDiff } from '../../../../electron/api'
import { useNotify } from '../../components/useNotify'
import { useUiStore } from '../ui/useUiStore'
import { RestoreVersionModal } from './RestoreVersionModal'
import { CURRENT, useVersionStore } from './useVersionStore'
import { VersionDiffView } from './VersionDiffView'

/** The board's versions: list, compare any two (or one with the current board), restore. */
export function VersionsDrawer({ boardId, onCut }: { boardId: number; onCut: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = useUiStore((s) => s.panel === 'versions')
  const openPanel = useUiStore((s) => s.openPanel)
  const versions = useVersionStore((s) => s.versions)
  const diffVersions = useVersionStore((s) => s.diff)
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string>(CURRENT)
  const [diff, setDiff] = useState<VersionDiff | null>(null)
  const [restoring, setRestoring] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    setDiff(null)
    setFrom(versions.at(-1)?.label ?? null)
    setTo(CURRENT)
  }, [open, versions])

  const label = (l: string) => (l === CURRENT ? t('versions.current') : l)
  const options = [...versions.map((v) => ({ value: v.label, label: v.label })), { value: CURRENT, label: t('versions.current') }]
  const compare = () => from && diffVersions(boardId, from, to).then(setDiff, notify.error)

  return (
    <Drawer
      title={t('versions.title')}
      open={open}
      onClose={() => openPanel(null)}
      size={720}
      className="versions-drawer"
      extra={
        <Button type="primary" icon={<BranchesOutlined />} onClick={onCut}>
          {t('versions.cut')}
        </Button>
      }
    >
      {versions.length === 0 ? (
        <Empty description={t('versions.empty')} />
      ) : (
        <>
          <List
            size="small"
            bordered
            dataSource={[...versions].reverse()}
            renderItem={(v) => (
              <List.Item
                data-testid="version-item"
                data-label={v.label}
                actions={[
                  <Button key="restore" size="small" icon={<RollbackOutlined />} onClick={() => setRestoring(v.label)}>
                    {t('versions.restore')}
                  </Button>
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <Tag color="purple">{v.label}</Tag>
                      <Typography.Text type="secondary">{t('versions.kpis', { count: v.kpiCount })}</Typography.Text>
                    </Space>
                  }
                  description={
                    <Space split="·" wrap>
                      <span>{dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}</span>
                      <span>{v.author}</span>
                      {v.note && <span>{v.note}</span>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          <Space className="version-compare" wrap>
            <span>{t('versions.from')}</span>
            <Select
              value={from}
              onChange={setFrom}
              options={options}
              style={{ width: 150 }}
              data-testid="diff-from"
              classNames={{ popup: { root: 'diff-from-popup' } }}
            />
            <span>{t('versions.to')}</span>
            <Select
              value={to}
              onChange={setTo}
              options={options}
              style={{ width: 150 }}
              data-testid="diff-to"
              classNames={{ popup: { root: 'diff-to-popup' } }}
            />
            <Button icon={<SwapOutlined />} onClick={() => void compare()} disabled={!from} data-testid="compare-versions">
              {t('versions.compare')}
            </Button>
          </Space>
          {diff && <VersionDiffView diff={diff} label={label} />}
        </>
      )}
      <RestoreVersionModal boardId={boardId} label={restoring} onClose={() => setRestoring(null)} />
    </Drawer>
  )
}
