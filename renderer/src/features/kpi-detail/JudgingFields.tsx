import { Divider, Form, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { AGGREGATIONS } from '../../../../electron/domain/kpi'
import { judgingOf } from '../../../../electron/domain/judging/judging'
import { GRAINS } from '../../../../electron/domain/period'

// The KPI stores null for "inferred"; the Select shows its placeholder (the inferred value) only for undefined.
const inferredWhenEmpty = {
  style: { flex: 1, minWidth: 0 },
  getValueProps: (value: unknown) => ({ value: value ?? undefined }),
  normalize: (value: unknown) => value ?? null
}

/** Target period and aggregation: empty shows what is inferred (from the target, unit and name), as the core infers it. */
export function JudgingFields({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const inferred = judgingOf({ ...kpi, targetPeriod: null, aggregation: null })
  const period = inferred.targetPeriod ?? inferred.valueGrain
  return (
    <>
      <Divider plain titlePlacement="start">
        {t('health.judging')}
      </Divider>
      <div className="form-row">
        <Form.Item name="targetPeriod" label={t('field.targetPeriod')} {...inferredWhenEmpty} extra={t('health.judgingHelp')}>
          <Select
            allowClear
            data-testid="kpi-target-period"
            placeholder={period ? t('health.inferred', { value: t(`grain.${period}`) }) : undefined}
            options={GRAINS.map((g) => ({ value: g, label: t(`grain.${g}`) }))}
          />
        </Form.Item>
        <Form.Item name="aggregation" label={t('field.aggregation')} {...inferredWhenEmpty}>
          <Select
            allowClear
            data-testid="kpi-aggregation"
            placeholder={t('health.inferred', { value: t(`aggregation.${inferred.aggregation}`) })}
            options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }))}
          />
        </Form.Item>
      </div>
    </>
  )
}
