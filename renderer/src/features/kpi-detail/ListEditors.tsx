import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

interface Column {
  name: string
  label: string
  flex: number
}

/** An editable list of small records (benchmarks, milestones): one row of inputs per item. */
function RecordList({ name, columns, addLabel }: { name: string; columns: Column[]; addLabel: string }) {
  const { t } = useTranslation()
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div className="record-list" data-testid={`${name}-list`}>
          {fields.map((field) => (
            <div key={field.key} className="record-row">
              {columns.map((column) => (
                <Form.Item key={column.name} name={[field.name, column.name]} style={{ flex: column.flex, marginBottom: 8 }}>
                  <Input placeholder={column.label} aria-label={column.label} />
                </Form.Item>
              ))}
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('app.remove')} onClick={() => remove(field.name)} />
            </div>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  )
}

export function BenchmarksEditor() {
  const { t } = useTranslation()
  return (
    <RecordList
      name="benchmarks"
      addLabel={t('drawer.addBenchmark')}
      columns={[
        { name: 'label', label: t('drawer.benchmarkLabel'), flex: 2 },
        { name: 'value', label: t('drawer.benchmarkValue'), flex: 1 },
        { name: 'source', label: t('drawer.benchmarkSource'), flex: 2 }
      ]}
    />
  )
}

export function MilestonesEditor() {
  const { t } = useTranslation()
  return (
    <RecordList
      name="milestones"
      addLabel={t('drawer.addMilestone')}
      columns={[
        { name: 'label', label: t('drawer.milestoneLabel'), flex: 1 },
        { name: 'target', label: t('drawer.milestoneTarget'), flex: 2 },
        { name: 'due', label: t('drawer.milestoneDue'), flex: 1 }
      ]}
    />
  )
}
