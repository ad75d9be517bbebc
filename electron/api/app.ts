import * as z from '../domain/zod'
import { procedure, result } from './procedure'
import type { AppInfo } from '../domain/views'

export const appProcedures = {
  'app.info': procedure({ input: z.strictObject({}), output: result<AppInfo>() })
}
