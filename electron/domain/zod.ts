// zod's functional build (`zod/mini`): every schema of the app comes from here. Classic zod builds a method-laden
// object per schema and has a heavy module body, paid at every CLI start (`kpi list`: 1,115M instructions with
// classic zod, 1,014M with mini; a bare `node -e 0` is 500M).
// Name what is used (never `z.core`): a namespace object keeps all of zod's core in the start-up bundle.
import { config } from 'zod/mini'
import en from 'zod/v4/locales/en.js'

// Classic zod installs its English messages on first use; mini leaves them to the app. The messages show in the
// VALIDATION envelope's English text and in the repair prompt sent back to a model, so they stay as they were.
config(en())

export * from 'zod/mini'
export { $ZodError } from 'zod/v4/core'
