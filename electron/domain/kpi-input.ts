import * as z from './zod'
import { KPI_FIELDS, kpiFieldsSchema, targetSchema, type KpiField, type KpiFields } from './kpi'

type Shape = typeof kpiFieldsSchema.shape

/** A target may be typed as text (parsed by the core) or given already structured. */
export const targetInput = z.nullable(z.union([z.string(), targetSchema]))

function withoutDefault(schema: z.ZodMiniType): z.ZodMiniType {
  return schema instanceof z.ZodMiniDefault ? (schema._zod.def.innerType as z.ZodMiniType) : schema
}

const patchShape = Object.fromEntries(
  KPI_FIELDS.map((field) => [field, z.optional(field === 'target' ? targetInput : withoutDefault(kpiFieldsSchema.shape[field]))])
) as { [K in keyof Shape]: z.ZodMiniOptional<z.ZodMiniType<K extends 'target' ? string | KpiFields['target'] : KpiFields[K]>> }

/** Some fields of a KPI, none defaulted: what an edit sets. */
export const kpiPatchSchema = z.strictObject(patchShape)
export type KpiPatch = z.infer<typeof kpiPatchSchema>

/** A new KPI: code and name required, the rest defaulted by the core. */
export const newKpiSchema = z.required(kpiPatchSchema, { code: true, name: true })
export type NewKpi = z.infer<typeof newKpiSchema>

export const isKpiField = (name: string): name is KpiField => (KPI_FIELDS as string[]).includes(name)
