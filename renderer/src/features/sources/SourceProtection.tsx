import { Alert, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FormulaProtection } from '../../../../electron/domain/source-protection'

const ALERT_TYPE = { enforced: 'success', partial: 'warning', refused: 'error' } as const

/** What the database enforces while a formula runs with the tested login. */
export function SourceProtection({ protection }: { protection: FormulaProtection }) {
  const { t } = useTranslation()
  return (
    <Alert
      type={ALERT_TYPE[protection.level]}
      showIcon
      title={t(`sources.protection.${protection.level}`)}
      data-testid="source-protection"
      data-level={protection.level}
      description={
        <Space orientation="vertical" size={4}>
          <Space size={[4, 4]} wrap>
            {protection.measures.map((measure) => (
              <Tag key={measure}>{t(`sources.protection.measures.${measure}`)}</Tag>
            ))}
          </Space>
          {protection.runsAs && <div>{t('sources.protection.runsAs', { role: protection.runsAs })}</div>}
          <div>{t('sources.protection.timeout', { seconds: protection.timeoutMs / 1000 })}</div>
          {protection.gaps.map((gap) => (
            <div key={gap}>{t(`sources.protection.gaps.${gap}`)}</div>
          ))}
        </Space>
      }
    />
  )
}
