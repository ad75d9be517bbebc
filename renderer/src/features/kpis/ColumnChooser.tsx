import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import PushpinOutlined from '@ant-design/icons/PushpinOutlined'
import SettingOutlined from '@ant-design/icons/SettingOutlined'
import { Button, Checkbox, Popover, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BoardColumns } from '../../../../electron/domain/board-columns'
import { useNotify } from '../../components/useNotify'
import { moveColumn, setHidden } from './column-layout'
import { columnLabelKey, columnOf, isFrozen } from './columns'
import { useColumnStore } from './useColumnStore'

/** The toolbar's "Columns": show, hide and reorder the board's columns, or go back to the default; kept per board. */
export function ColumnChooser() {
  const { t } = useTranslation()
  const notify = useNotify()
  const layout = useColumnStore((s) => s.layout)
  const change = (next: BoardColumns) => void useColumnStore.getState().change(next).catch(notify.error)
  const movable = layout.filter((c) => !isFrozen(c.key))

  const content = (
    <div className="column-chooser" data-testid="column-chooser-panel">
      <Typography.Text type="secondary" className="column-chooser-hint">
        {t('columns.hint')}
      </Typography.Text>
      <ul>
        {layout.map((c) => {
          const label = t(columnLabelKey(columnOf(c.key)))
          const frozen = isFrozen(c.key)
          const at = movable.findIndex((m) => m.key === c.key)
          return (
            <li key={c.key} data-testid={`column-item-${c.key}`}>
              <Checkbox
                checked={!c.hidden}
                disabled={frozen}
                onChange={(e) => change(setHidden(layout, c.key, !e.target.checked))}
                data-testid={`column-toggle-${c.key}`}
              >
                {label}
              </Checkbox>
              {frozen ? (
                <PushpinOutlined className="column-frozen" title={t('columns.frozen')} aria-label={t('columns.frozen')} />
              ) : (
                <span className="column-moves">
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={at === 0}
                    aria-label={t('columns.moveUp', { column: label })}
                    onClick={() => change(moveColumn(layout, c.key, -1))}
                    data-testid={`column-up-${c.key}`}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={at === movable.length - 1}
                    aria-label={t('columns.moveDown', { column: label })}
                    onClick={() => change(moveColumn(layout, c.key, 1))}
                    data-testid={`column-down-${c.key}`}
                  />
                </span>
              )}
            </li>
          )
        })}
      </ul>
      <Button block onClick={() => void useColumnStore.getState().reset().catch(notify.error)} data-testid="columns-reset">
        {t('columns.reset')}
      </Button>
    </div>
  )

  return (
    <Popover trigger="click" placement="bottomRight" title={t('columns.title')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('columns.button')}
      </Button>
    </Popover>
  )
}
