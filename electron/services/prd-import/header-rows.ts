import type { Table, TableCell } from 'mdast'
import { columnKind } from './labels'
import { textOf } from './markdown-tree'

// The column of a spanned group that holds the live figure ("现网", "production") rather than a lab or staging one.
const LIVE = /现网|线上|生产|正式|\bprod(?:uction)?\b|\blive\b|\bfield\b/i
const VALUE = /^[^\p{L}]*\d/u

const cell = (value: string, like: TableCell): TableCell => ({
  type: 'tableCell',
  children: value ? [{ type: 'text', value }] : [],
  ...(like.position ? { position: like.position } : {})
})

// "实验室（2.0 目标 Target）": a sub-column keeps its group as an aside, which never names a field.
const within = (sub: string, group: string) => (sub ? `${sub}（${group}）` : group)

/**
 * A header written on two rows, the first grouping columns ("| | Q3 actual | | Q4 commitment | |", or merged cells of
 * a Word or HTML table), becomes one header row. A column is named by its own sub-header when that names a field,
 * else by its group; a group's field goes to one column only (its live one, else its first), so two sub-columns of
 * "Target" (lab, field) do not both become the target.
 */
export function mergeHeaderRows(table: Table): void {
  const [top, sub] = table.children
  if (!top || !sub || table.children.length < 3) return
  const groups = top.children.map(textOf)
  const subs = sub.children.map(textOf)
  const spanned = groups.some((text, column) => !text && subs[column])
  if (!spanned || groups.every((text) => !text) || subs.filter(Boolean).length < 2) return
  if (subs.some((text) => VALUE.test(text) || text.length > 24)) return
  let group = ''
  let members: number[] = []
  const names: string[] = []
  const finish = () => {
    if (!group || !columnKind(group) || members.length === 0) return
    const owner = members.find((column) => LIVE.test(subs[column] ?? '')) ?? members[0]!
    for (const column of members) if (!columnKind(subs[column] ?? '')) names[column] = column === owner ? group : within(subs[column] ?? '', group)
  }
  groups.forEach((text, column) => {
    if (text) {
      finish()
      group = text
      members = []
    }
    members.push(column)
    names[column] = columnKind(subs[column] ?? '') || !group ? subs[column] || group : within(subs[column] ?? '', group)
  })
  finish()
  top.children = top.children.map((_, column) => cell(names[column] ?? '', top.children[column]!))
  table.children.splice(1, 1)
}
