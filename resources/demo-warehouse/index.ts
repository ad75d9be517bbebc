export { DEFAULT_DEMO_SEED, DEMO_TABLES, generateDemoWarehouse, type DemoWarehouseOptions } from './generate'
export { demoKpis } from './demo-kpis'
export { SAMPLE_WORDS, type SampleLocale } from './demo-kpi-text'
