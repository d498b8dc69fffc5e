/** Flags are `--name=value` (or bare `--name`, meaning "true"); `--name value` would be read as a positional. */
export type Flags = ReadonlyMap<string, string>

export interface ParsedArgs {
  readonly positionals: readonly string[]
  readonly flags: Flags
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string>()
  for (const arg of argv) {
    if (arg === '--') continue
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      if (eq === -1) flags.set(arg.slice(2), 'true')
      else flags.set(arg.slice(2, eq), arg.slice(eq + 1))
    } else {
      positionals.push(arg)
    }
  }
  return { positionals, flags }
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export function stringFlag<T extends string>(
  flags: Flags,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = flags.get(name)
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`)
  }
  return value as T
}

export function numberFlag(
  flags: Flags,
  name: string,
  fallback: number,
  options: { min?: number; integer?: boolean } = {},
): number {
  const raw = flags.get(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  const min = options.min ?? 0
  if (!Number.isFinite(value) || value < min || (options.integer && !Number.isInteger(value))) {
    throw new UsageError(
      `--${name} must be a${options.integer ? 'n integer' : ' number'} ≥ ${min} (got "${raw}")`,
    )
  }
  return value
}

/** Rejects flags a bench does not know, so a typo does not silently run the defaults. */
export function assertKnownFlags(flags: Flags, known: readonly string[]): void {
  const unknown = [...flags.keys()].filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown flag${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `--${n}`).join(', ')}`,
    )
  }
}
