import { Form, Modal, Select, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardView } from '../../../../electron/api'
import { BOARD_LANGUAGES, type BoardLanguage } from '../../../../electron/domain/board-language'
import { useSubmit } from '../../components/useSubmit'
import { useNotify } from '../../components/useNotify'
import { useBoardStore } from './useBoardStore'

interface Props {
  board: BoardView | null
  onClose: () => void
}

/** A board's settings: the language its stage prompts, launch notice and analyzer findings are written in. */
export function BoardSettingsModal({ board, onClose }: Props) {
  const { t } = useTranslation()
  const notify = useNotify()
  const setLanguage = useBoardStore((s) => s.setLanguage)
  const [form] = Form.useForm<{ language: BoardLanguage }>()
  const { busy, run } = useSubmit()

  useEffect(() => {
    if (board) form.setFieldsValue({ language: board.language })
  }, [board, form])

  const submit = async () => {
    if (!board) return
    const { language } = await form.validateFields()
    await run(async () => {
      if (language !== board.language || !board.languageSet) await setLanguage(board.id, language)
      notify.success(t('boardSettings.saved'))
      onClose()
    })
  }

  return (
    <Modal
      title={t('boardSettings.title', { name: board?.name ?? '' })}
      open={board !== null}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" name="board-settings" onFinish={() => void submit()}>
        <Form.Item name="language" label={t('boardSettings.language')} extra={t('boardSettings.languageHelp')}>
          <Select
            data-testid="board-language"
            options={BOARD_LANGUAGES.map((language) => ({ value: language, label: t(`boardSettings.languages.${language}`) }))}
          />
        </Form.Item>
        {board && !board.languageSet && (
          <Typography.Text type="secondary" data-testid="board-language-inferred">
            {t('boardSettings.inferred', { language: t(`boardSettings.languages.${board.language}`) })}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  )
}
