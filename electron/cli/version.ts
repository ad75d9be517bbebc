import pkg from '../../package.json' with { type: 'json' }

/** The version `kpiloop --version` prints and the workspace records as the shell's. */
export const CLI_VERSION: string = pkg.version
