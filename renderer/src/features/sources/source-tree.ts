import type { TableView } from '../../../../electron/api'

export interface TreeNode {
  key: string
  title: string
  isLeaf?: boolean
  children?: TreeNode[]
}

/** Tables (grouped by schema when the source has several) with their columns as leaves. */
export function tableTree(tables: TableView[]): TreeNode[] {
  const table = (tb: TableView): TreeNode => {
    const key = tb.schema ? `${tb.schema}.${tb.name}` : tb.name
    return { key, title: tb.name, children: tb.columns.map((c) => ({ key: `${key}.${c.name}`, title: `${c.name}  ${c.type}`, isLeaf: true })) }
  }
  const schemas = [...new Set(tables.map((tb) => tb.schema ?? ''))]
  if (schemas.length <= 1) return tables.map(table)
  return schemas.map((schema) => ({ key: `schema:${schema}`, title: schema || '—', children: tables.filter((tb) => (tb.schema ?? '') === schema).map(table) }))
}
