export { createConnector } from './connector'
export { checkFormula, type FormulaCheck } from './formula-guard'
export { bindPeriod, type BoundQuery } from './bind-period'
export type { Connector, ConnectionTest, FormulaResult, Period, QueryResult, ResultColumn, ResultSet, SourceConfig, SourceKind, TableInfo } from './types'
