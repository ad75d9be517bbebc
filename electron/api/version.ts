import { z } from 'zod'
import { id, procedure, result } from './procedure'
import type { KpiView, VersionDiff, VersionView } from '../domain/views'

const label = z.string().trim().min(1).max(40)

export const versionProcedures = {
  'version.list': procedure({ input: z.strictObject({ boardId: id }), output: result<VersionView[]>() }),
  'version.suggest': procedure({ input: z.strictObject({ boardId: id }), output: result<{ label: string }>() }),
  'version.cut': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, label: label.optional(), note: z.string().max(5000).optional() }),
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
    input: z.strictObject({ boardId: id, label, reason: z.string().max(2000).optional() }),
    output: result<{ restored: number; retired: number; unchanged: number }>()
  })
}
