import { Divider, Modal, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useBoardStore } from '../boards/useBoardStore'
import { ApiExportPanel } from './ApiExportPanel'
import { ExportScope } from './ExportScope'
import { EXPORT_TARGETS } from './export-settings'
import { FileExportPanel } from './FileExportPanel'
import { useExportStore } from './useExportStore'

/** Export a board, some of its KPIs or a version: as files, or to Notion / Jira / Trello. */
export function ExportModal() {
  const { t } = useTranslation()
  const boardId = useExportStore((s) => s.boardId)
  const scope = useExportStore((s) => s.scope)
  const kpiIds = useExportStore((s) => s.kpiIds)
  const versionLabel = useExportStore((s) => s.versionLabel)
  const board = useBoardStore((s) => s.boards.find((b) => b.id === boardId))
  const incomplete = (scope === 'selection' && kpiIds.length === 0) || (scope === 'version' && !versionLabel)

  return (
    <Modal
      open={boardId !== null}
      title={t('export.title', { board: board?.name ?? '' })}
      onCancel={() => useExportStore.getState().close()}
      footer={null}
      width={860}
      destroyOnHidden
      maskClosable={false}
      className="export-modal"
    >
      <ExportScope />
      <Divider style={{ margin: '12px 0' }} />
      <Tabs
        destroyOnHidden={false}
        items={[
          { key: 'files', label: t('export.filesTab'), children: <FileExportPanel disabled={incomplete} /> },
          ...EXPORT_TARGETS.map((target) => ({
            key: target,
            label: t(`export.targets.${target}`),
            children: <ApiExportPanel target={target} disabled={incomplete} />
          }))
        ]}
        data-testid="export-tabs"
      />
    </Modal>
  )
}
