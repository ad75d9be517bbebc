import CheckCircleFilled from '@ant-design/icons/CheckCircleFilled'
import CloseCircleFilled from '@ant-design/icons/CloseCircleFilled'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { GateItem } from '../../../../electron/api'

/** ✓/✗ per gate item, translated by id (the core's English label as fallback), with the detail under it. */
export function GateChecklist({ items }: { items: readonly GateItem[] }) {
  const { t } = useTranslation()
  if (items.length === 0) return <Typography.Text type="secondary">{t('review.move.noChecks')}</Typography.Text>
  return (
    <ul className="gate-list" data-testid="gate-checklist">
      {items.map((item) => (
        <li key={`${item.stage}:${item.id}`} data-testid="gate-item" data-ok={item.ok} data-gate={item.id}>
          {item.ok ? <CheckCircleFilled className="gate-ok" /> : <CloseCircleFilled className="gate-fail" />}
          <span className="gate-label">
            {t(`review.gate.${item.id.replace(/^gate\./, '')}`, { defaultValue: item.label })}
            <Typography.Text type="secondary"> · {t(`stage.${item.stage}`)}</Typography.Text>
          </span>
          {item.detail && <div className="gate-detail">{item.detail}</div>}
        </li>
      ))}
    </ul>
  )
}
