import * as z from '../../domain/zod'

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: string[] }

const FENCE = /^\s*```[a-zA-Z]*\s*\n?([\s\S]*?)\n?\s*```\s*$/

/** Models often wrap JSON in a Markdown fence or a sentence; keep only the JSON text. */
export function stripJsonFences(text: string): string {
  const fenced = FENCE.exec(text)
  return (fenced?.[1] ?? text).trim()
}

function parseLoose(text: string): unknown {
  const stripped = stripJsonFences(text)
  try {
    return JSON.parse(stripped)
  } catch (error) {
    const start = stripped.indexOf('{')
    const end = stripped.lastIndexOf('}')
    if (start >= 0 && end > start) return JSON.parse(stripped.slice(start, end + 1))
    throw error
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(root)'
    : path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '')
}

/** Parses and validates a model's answer; the errors are written to be sent back for one repair. */
export function checkJsonAnswer<T>(text: string, schema: z.ZodMiniType<T>): Checked<T> {
  let value: unknown
  try {
    value = parseLoose(text)
  } catch (error) {
    return { ok: false, errors: [`The answer is not valid JSON: ${(error as Error).message}`] }
  }
  const result = schema.safeParse(value)
  if (result.success) return { ok: true, data: result.data }
  return { ok: false, errors: result.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`) }
}

/** The JSON schema sent as `response_format`; strict-mode providers reject the `$schema` key. */
export function jsonSchemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>
  return rest
}
