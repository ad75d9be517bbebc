import InboxOutlined from '@ant-design/icons/InboxOutlined'
import { Button, Checkbox, Input, Radio, Space, Tabs, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PRD_EXTENSIONS, readPrdFile } from './read-file'
import { useImportStore } from './useImportStore'

/** Where to import, and the document: a dropped or picked file, or pasted text. */
export function PrdSource() {
  const { t } = useTranslation()
  const into = useImportStore((s) => s.into)
  const currentBoard = useImportStore((s) => s.currentBoard)
  const boardName = useImportStore((s) => s.boardName)
  const busy = useImportStore((s) => s.busy)
  const setInto = useImportStore((s) => s.setInto)
  const setBoardName = useImportStore((s) => s.setBoardName)
  const analyse = useImportStore((s) => s.analyse)
  const useAssistant = useImportStore((s) => s.useAssistant)
  const setUseAssistant = useImportStore((s) => s.setUseAssistant)
  const [pasted, setPasted] = useState('')

  const onFile = async (file: File) => {
    await analyse(file.name, await readPrdFile(file))
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('import.into')}</Typography.Text>
        <Radio.Group value={into} onChange={(e) => setInto(e.target.value)} data-testid="import-into">
          <Radio value="new">{t('import.intoNew')}</Radio>
          {currentBoard && <Radio value="current">{t('import.intoCurrent', { name: currentBoard.name })}</Radio>}
        </Radio.Group>
        {into === 'new' && (
          <Input
            value={boardName}
            onChange={(e) => setBoardName(e.target.value)}
            placeholder={t('import.boardName')}
            style={{ width: 260 }}
            data-testid="import-board-name"
          />
        )}
        <Checkbox checked={useAssistant} onChange={(e) => setUseAssistant(e.target.checked)} data-testid="import-assistant">
          {t('import.useAssistant')}
        </Checkbox>
      </Space>
      <Tabs
        items={[
          {
            key: 'file',
            label: t('import.fileTab'),
            children: (
              <Upload.Dragger
                accept={PRD_EXTENSIONS.join(',')}
                multiple={false}
                showUploadList={false}
                disabled={busy}
                beforeUpload={(file) => {
                  void onFile(file)
                  return false
                }}
                data-testid="prd-drop"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('import.drop')}</p>
                <p className="ant-upload-hint">{t('import.dropHint')}</p>
              </Upload.Dragger>
            )
          },
          {
            key: 'paste',
            label: t('import.pasteTab'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  autoSize={{ minRows: 8, maxRows: 16 }}
                  placeholder={t('import.pastePlaceholder')}
                  data-testid="prd-paste"
                />
                <Button
                  type="primary"
                  disabled={!pasted.trim()}
                  loading={busy}
                  onClick={() => void analyse(t('import.pasteName'), { text: pasted })}
                  data-testid="prd-analyse"
                >
                  {t('import.analyse')}
                </Button>
              </Space>
            )
          }
        ]}
      />
    </Space>
  )
}
