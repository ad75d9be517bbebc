import { Collapse, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../electron/api'

/** What the importer did not take, section by section, with the reason ("§4 验收标准: acceptance criteria"). */
export function SkippedSections({ skipped }: { skipped: ImportPreview['skipped'] }) {
  const { t } = useTranslation()
  if (skipped.length === 0) return null
  return (
    <Collapse
      size="small"
      data-testid="import-skipped"
      items={[
        {
          key: 'skipped',
          label: t('import.skippedTitle', { count: skipped.length }),
          children: (
            <ul className="import-skipped">
              {skipped.map((section) => (
                <li key={`${section.lines.start}`} data-testid="skipped-section" data-reason={section.reason}>
                  <Typography.Text strong>§ {section.heading}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{t('import.linesAt', section.lines)}</Typography.Text>
                  {' — '}
                  {t(`import.skipReason.${section.reason}`)}
                </li>
              ))}
            </ul>
          )
        }
      ]}
    />
  )
}
