import * as z from '../domain/zod'
import { id, procedure, result } from './procedure'
import type { KpiView, VersionDiff, VersionView } from '../domain/views'

const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(40))

export const versionProcedures = {
  'version.list': procedure({ input: z.strictObject({ boardId: id }), output: result<VersionView[]>() }),
  'version.suggest': procedure({ input: z.strictObject({ boardId: id }), output: result<{ label: string }>() }),
  'version.cut': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, label: z.optional(label), note: z.optional(z.string().check(z.maxLength(5000))) }),
    output: result<VersionView>()
  }),
  'version.kpis': procedure({ input: z.strictObject({ boardId: id, label }), output: result<KpiView[]>() }),
  /** `to` may be `current` to compare a version with the board as it is now. */
  'version.diff': procedure({
    input: z.strictObject({ boardId: id, from: label, to: label }),
    output: result<VersionDiff>()
  }),
  'version.restore': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, label, reason: z.optional(z.string().check(z.maxLength(2000))) }),
    output: result<{ restored: number; retired: number; unchanged: number }>()
  })
}
