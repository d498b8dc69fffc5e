export interface CommandResult {
  readonly exitCode: number
  readonly lines: readonly string[]
}

/** A failure the CLI explains in one line, with its exit code (2 = usage or configuration). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}
