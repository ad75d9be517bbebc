export { DEFAULT_DEMO_SEED, DEMO_TABLES, generateDemoWarehouse, type DemoWarehouseOptions } from './generate'
export { DEMO_KPIS } from './demo-kpis'
