import type { ExportKpi } from '../../domain/export'
import type { Locale } from './kpi-text'
import { frequencyLabel, stageLabel, statusLabel } from './kpi-text'
import { roundFigure } from '../../domain/judging/format-figure'

/** Notion's limits: 2,000 characters per rich-text item, 100 items per rich-text array. */
export const NOTION_TEXT_LIMIT = 2000
export const NOTION_ITEMS_LIMIT = 100

type PropertyType = 'title' | 'rich_text' | 'number' | 'select'

/** The KPI database's properties. The title property's name may differ in an existing database. */
export const NOTION_PROPERTIES: Record<string, PropertyType> = {
  'KPI code': 'title',
  'KPI name': 'rich_text',
  Description: 'rich_text',
  'Data source': 'rich_text',
  Target: 'rich_text',
  'Current value': 'number',
  Stage: 'select',
  'Latest proposal': 'rich_text',
  Status: 'select',
  Owner: 'rich_text',
  Frequency: 'select',
  Version: 'rich_text'
}
export const NOTION_TITLE = 'KPI code'

export function propertySchema(type: PropertyType): Record<string, unknown> {
  if (type === 'number') return { number: { format: 'number' } }
  if (type === 'select') return { select: { options: [] } }
  return { [type]: {} }
}

/**
 * Splits text into rich-text items of at most 2,000 UTF-16 units without cutting a surrogate
 * pair; text beyond 100 items is truncated with an ellipsis.
 */
export function richText(text: string): { type: 'text'; text: { content: string } }[] {
  const items: { type: 'text'; text: { content: string } }[] = []
  let rest = text
  while (rest.length > 0 && items.length < NOTION_ITEMS_LIMIT) {
    let cut = Math.min(rest.length, NOTION_TEXT_LIMIT)
    const last = rest.charCodeAt(cut - 1)
    if (cut < rest.length && last >= 0xd800 && last <= 0xdbff) cut--
    items.push({ type: 'text', text: { content: rest.slice(0, cut) } })
    rest = rest.slice(cut)
  }
  if (rest.length > 0) {
    const final = items[items.length - 1]!
    final.text.content = `${final.text.content.slice(0, NOTION_TEXT_LIMIT - 1)}…`
  }
  return items
}

/** Select option names: no commas, at most 100 characters. */
const option = (name: string): { name: string } | null => (name === '' ? null : { name: name.replace(/,/g, ' ').slice(0, 100) })

export function kpiProperties(kpi: ExportKpi, titleProperty: string, locale: Locale): Record<string, unknown> {
  return {
    [titleProperty]: { title: richText(kpi.code) },
    'KPI name': { rich_text: richText(kpi.name) },
    Description: { rich_text: richText(kpi.description) },
    'Data source': { rich_text: richText(kpi.dataSource) },
    Target: { rich_text: richText(kpi.target?.text ?? '') },
    'Current value': { number: kpi.currentValue === null ? null : roundFigure(kpi.currentValue, kpi.unit) },
    Stage: { select: option(stageLabel(kpi.stage, locale)) },
    'Latest proposal': { rich_text: richText(kpi.latestProposal ?? '') },
    Status: { select: option(statusLabel(kpi.status, locale)) },
    Owner: { rich_text: richText(kpi.owner) },
    Frequency: { select: option(kpi.frequency ? frequencyLabel(kpi.frequency, locale) : '') },
    Version: { rich_text: richText(kpi.versionLabel ?? '') }
  }
}
