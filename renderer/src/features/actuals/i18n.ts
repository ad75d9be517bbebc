import { queryMessages } from './i18n-query'

const en = {
  actuals: {
    query: queryMessages.en,
    tab: 'Actuals',
    sourceLine: 'Data source: {{source}}',
    noSource: 'none (manual entry)',
    noConnection: 'not assigned yet (the PRD says: {{note}})',
    chart: {
      actual: 'Actual',
      target: 'Target',
      red: 'Red',
      yellow: 'Yellow',
      green: 'Green',
      targetChanged: 'Target changed: {{from}} → {{to}}',
      empty: 'No actuals yet. Pull them from the data source, enter one by hand or upload a CSV.'
    },
    table: {
      title: 'Values ({{count}})',
      history: 'Show replaced values',
      period: 'Period',
      value: 'Value',
      source: 'Source',
      note: 'Note',
      recorded: 'Recorded',
      superseded: 'replaced',
      empty: 'No values'
    },
    source: { manual: 'Manual', csv: 'CSV', query: 'Query', import: 'Import' },
    manual: {
      title: 'Enter a value by hand',
      period: 'Period',
      kind: { month: 'Month', day: 'Day', range: 'From – to' },
      pickMonth: 'Month',
      pickDay: 'Day',
      from: 'From',
      to: 'To',
      value: 'Value',
      note: 'Note (optional)',
      save: 'Add value',
      saved: 'Value recorded'
    },
    csv: {
      title: 'Upload actuals from CSV',
      help: 'One row per value, with the header',
      choose: 'Choose a CSV file',
      stored: '{{count}} values stored',
      failedLine: 'Line {{line}} of the file is not valid',
      nothingStored: 'Nothing was stored; fix the file and upload it again.'
    },
    pull: {
      toolbar: 'Pull actuals',
      one: 'Pull',
      title: 'Pull actuals: {{scope}}',
      boardScope: 'all KPIs of the board',
      shownScope: 'the {{count}} KPIs shown by the filter',
      selectedScope: 'the {{count}} selected KPIs',
      explain: 'Runs each KPI formula read-only on its data source and stores the values. Without a range, the latest period is pulled.',
      backfill: 'Backfill a date range',
      start: 'Pull',
      again: 'Pull again',
      cancel: 'Cancel pull',
      starting: 'Starting…',
      finished: 'Finished: {{done}} of {{total}} KPIs',
      progress: '{{done}} of {{total}} KPIs · {{code}}',
      cancelled: 'The pull was cancelled. Values already pulled are kept.',
      stored: '{{count}} values stored',
      code: 'KPI',
      result: 'Result',
      periods: 'Periods',
      message: 'Message',
      outcome: { pulled: 'Pulled', skipped: 'Skipped', failed: 'Failed' },
      unchanged: 'Same as already stored: {{count}}',
      empty: 'Periods with no value (NULL), not stored: {{count}}',
      asOf: 'Rolling: as of {{time}} UTC',
      skip: { 'no-formula': 'No formula', manual: 'Entered by hand', 'not-connected': 'Its data source is not connected' }
    },
    alerts: {
      title: 'Alerts',
      empty: 'No alerts on this board.',
      acknowledge: 'Acknowledge',
      acknowledged: 'Acknowledged',
      raised: 'Alert on {{code}}',
      level: { red: 'Red', yellow: 'Yellow', rule: 'Change rule' }
    }
  }
}

const zhCN: typeof en = {
  actuals: {
    query: queryMessages.zhCN,
    tab: '实际值',
    sourceLine: '数据源：{{source}}',
    noSource: '无（手工录入）',
    noConnection: '尚未指定（PRD 中写的是：{{note}}）',
    chart: {
      actual: '实际值',
      target: '目标',
      red: '红',
      yellow: '黄',
      green: '绿',
      targetChanged: '目标变更：{{from}} → {{to}}',
      empty: '暂无实际值。可从数据源拉取、手工录入或上传 CSV。'
    },
    table: {
      title: '数值（{{count}}）',
      history: '显示被替换的值',
      period: '周期',
      value: '数值',
      source: '来源',
      note: '备注',
      recorded: '记录时间',
      superseded: '已替换',
      empty: '暂无数值'
    },
    source: { manual: '手工', csv: 'CSV', query: '查询', import: '导入' },
    manual: {
      title: '手工录入数值',
      period: '周期',
      kind: { month: '按月', day: '按日', range: '起止日期' },
      pickMonth: '月份',
      pickDay: '日期',
      from: '开始',
      to: '结束',
      value: '数值',
      note: '备注（可选）',
      save: '添加数值',
      saved: '已记录数值'
    },
    csv: {
      title: '从 CSV 上传实际值',
      help: '每行一个数值，表头为',
      choose: '选择 CSV 文件',
      stored: '已保存 {{count}} 个数值',
      failedLine: '文件第 {{line}} 行无效',
      nothingStored: '未保存任何数据；请修正文件后重新上传。'
    },
    pull: {
      toolbar: '拉取实际值',
      one: '拉取',
      title: '拉取实际值：{{scope}}',
      boardScope: '看板上的全部 KPI',
      shownScope: '筛选显示的 {{count}} 个 KPI',
      selectedScope: '选中的 {{count}} 个 KPI',
      explain: '在各 KPI 的数据源上以只读方式运行公式并保存数值。不选日期范围时拉取最近一个周期。',
      backfill: '回填日期范围',
      start: '拉取',
      again: '再次拉取',
      cancel: '取消拉取',
      starting: '正在开始…',
      finished: '已完成：{{done}} / {{total}} 个 KPI',
      progress: '{{done}} / {{total}} 个 KPI · {{code}}',
      cancelled: '拉取已取消，已拉取的数值会保留。',
      stored: '已保存 {{count}} 个数值',
      code: 'KPI',
      result: '结果',
      periods: '周期数',
      message: '说明',
      outcome: { pulled: '已拉取', skipped: '已跳过', failed: '失败' },
      unchanged: '与已保存的数值相同：{{count}} 个周期',
      empty: '{{count}} 个周期没有数值（NULL），未保存',
      asOf: '滚动指标：截至 {{time}}（UTC）',
      skip: { 'no-formula': '没有公式', manual: '手工录入', 'not-connected': '数据源未连接' }
    },
    alerts: {
      title: '告警',
      empty: '此看板暂无告警。',
      acknowledge: '确认',
      acknowledged: '已确认',
      raised: '{{code}} 触发告警',
      level: { red: '红色', yellow: '黄色', rule: '环比规则' }
    }
  }
}

export const actualsMessages = { en, zhCN }
