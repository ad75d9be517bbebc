import { z } from 'zod'
import { KPI_FIELDS, kpiFieldsSchema, targetSchema, type KpiField, type KpiFields } from './kpi'

type Shape = typeof kpiFieldsSchema.shape

/** A target may be typed as text (parsed by the core) or given already structured. */
export const targetInput = z.union([z.string(), targetSchema]).nullable()

function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema
}

const patchShape = Object.fromEntries(
  KPI_FIELDS.map((field) => [field, field === 'target' ? targetInput.optional() : withoutDefault(kpiFieldsSchema.shape[field]).optional()])
) as { [K in keyof Shape]: z.ZodOptional<z.ZodType<K extends 'target' ? string | KpiFields['target'] : KpiFields[K]>> }

/** Some fields of a KPI, none defaulted: what an edit sets. */
export const kpiPatchSchema = z.strictObject(patchShape)
export type KpiPatch = z.infer<typeof kpiPatchSchema>

/** A new KPI: code and name required, the rest defaulted by the core. */
export const newKpiSchema = kpiPatchSchema.required({ code: true, name: true })
export type NewKpi = z.infer<typeof newKpiSchema>

export const isKpiField = (name: string): name is KpiField => (KPI_FIELDS as string[]).includes(name)
