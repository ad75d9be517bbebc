// zod's functional build (`zod/mini`): every schema of the app comes from here. Classic zod builds a method-laden
// object per schema and has a heavy module body; at the CLI's cold start it cost ~130M instructions, mini ~1/5 of it.
import * as z from 'zod/mini'

// Classic zod installs its English messages on first use; mini leaves them to the app. The messages show in the
// VALIDATION envelope's English text and in the repair prompt sent back to a model, so they stay as they were.
z.config(z.locales.en())

export * from 'zod/mini'
