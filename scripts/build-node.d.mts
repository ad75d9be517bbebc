/** Builds the CLI and browser mode as JavaScript into out/node. */
export function buildNode(): Promise<void>
