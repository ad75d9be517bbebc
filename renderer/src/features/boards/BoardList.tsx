import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import EditOutlined from '@ant-design/icons/EditOutlined'
import MoreOutlined from '@ant-design/icons/MoreOutlined'
import SettingOutlined from '@ant-design/icons/SettingOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { App, Button, Dropdown, Empty, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardView } from '../../../../electron/api'
import { STAGES } from '../../../../electron/domain/kpi'
import { STAGE_COLOR } from '../../components/StageTag'
import { useNotify } from '../../components/useNotify'
import { ImportPrdButton } from '../import/ImportMenu'
import { useUiStore } from '../ui/useUiStore'
import { BoardNameModal } from './BoardNameModal'
import { BoardSettingsModal } from './BoardSettingsModal'
import { useBoardStore } from './useBoardStore'

function StageCounts({ board }: { board: BoardView }) {
  const { t } = useTranslation()
  return (
    <div className="stage-counts">
      {STAGES.filter((s) => board.stageCounts[s]).map((s) => (
        <Tag key={s} color={STAGE_COLOR[s]} className="stage-count" title={t(`stage.${s}`)}>
          {t(`stage.${s}`)} {board.stageCounts[s]}
        </Tag>
      ))}
    </div>
  )
}

/** The sidebar: every board with its KPI count per stage and latest version; create, rename, delete. */
export function BoardList() {
  const { t } = useTranslation()
  const notify = useNotify()
  const { modal } = App.useApp()
  const boards = useBoardStore((s) => s.boards)
  const create = useBoardStore((s) => s.create)
  const rename = useBoardStore((s) => s.rename)
  const remove = useBoardStore((s) => s.remove)
  const selected = useUiStore((s) => s.boardId)
  const selectBoard = useUiStore((s) => s.selectBoard)
  const [creating, setCreating] = useState(false)
  const [renaming, setRenaming] = useState<BoardView | null>(null)
  const [configuring, setConfiguring] = useState<number | null>(null)

  const confirmDelete = (board: BoardView) =>
    modal.confirm({
      title: t('boards.confirmDelete', { name: board.name }),
      okText: t('boards.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () =>
        remove(board.id).then(() => {
          notify.success(t('boards.deleted'))
          if (selected === board.id) selectBoard(null)
        }, notify.error)
    })

  return (
    <nav className="board-list" aria-label={t('boards.title')}>
      <div className="board-list-head">
        <Typography.Text strong>{t('boards.title')}</Typography.Text>
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-board">
          {t('boards.create')}
        </Button>
      </div>
      <ImportPrdButton size="small" className="board-list-import" />
      {boards.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('boards.empty')} />}
      <ul>
        {boards.map((board) => (
          <li key={board.id} className={board.id === selected ? 'selected' : ''} data-testid="board-item" data-board-name={board.name}>
            <button type="button" className="board-item-main" onClick={() => selectBoard(board.id)}>
              <span className="board-item-name">{board.name}</span>
              <span className="board-item-meta">
                {t('boards.kpiCount', { count: board.kpiCount })} · {board.latestVersion ?? t('boards.noVersion')}
              </span>
              <StageCounts board={board} />
            </button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'rename', icon: <EditOutlined />, label: t('boards.rename'), onClick: () => setRenaming(board) },
                  { key: 'settings', icon: <SettingOutlined />, label: t('boardSettings.open'), onClick: () => setConfiguring(board.id) },
                  { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('boards.delete'), onClick: () => confirmDelete(board) }
                ]
              }}
            >
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label={`${t('boards.rename')} / ${t('boardSettings.open')} / ${t('boards.delete')}`}
              />
            </Dropdown>
          </li>
        ))}
      </ul>
      <BoardNameModal
        formName="create-board"
        open={creating}
        title={t('boards.create')}
        withDescription
        onClose={() => setCreating(false)}
        onSubmit={async (name, description) => {
          const board = await create(name, description)
          selectBoard(board.id)
          notify.success(t('boards.created'))
        }}
      />
      <BoardNameModal
        formName="rename-board"
        open={renaming !== null}
        title={t('boards.rename')}
        initialName={renaming?.name}
        onClose={() => setRenaming(null)}
        onSubmit={async (name) => {
          if (renaming) await rename(renaming.id, name)
        }}
      />
      <BoardSettingsModal board={boards.find((b) => b.id === configuring) ?? null} onClose={() => setConfiguring(null)} />
    </nav>
  )
}
