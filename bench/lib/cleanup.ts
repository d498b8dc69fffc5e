/**
 * One place that undoes what a bench set up (child servers, temp dirs, throw-away databases), on normal end,
 * on failure and on Ctrl-C. Cleanups run last-registered first, so a database is dropped after the server
 * using it has stopped.
 */
type Cleanup = {
  readonly label: string
  readonly run: () => Promise<void> | void
  readonly runSync?: () => void
}

const cleanups: Cleanup[] = []
let running: Promise<void> | undefined
let installed = false

/** Registers an undo step; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(
  label: string,
  run: () => Promise<void> | void,
  runSync?: () => void,
): () => Promise<void> {
  const entry: Cleanup = { label, run, ...(runSync ? { runSync } : {}) }
  cleanups.push(entry)
  return async () => {
    const index = cleanups.indexOf(entry)
    if (index === -1) return
    cleanups.splice(index, 1)
    await entry.run()
  }
}

/** Runs every registered cleanup (newest first); errors are reported, not thrown. */
export function runCleanups(): Promise<void> {
  running ??= (async () => {
    while (cleanups.length > 0) {
      const entry = cleanups.pop()
      if (!entry) break
      try {
        await entry.run()
      } catch (error) {
        process.stderr.write(
          `cleanup "${entry.label}" failed: ${error instanceof Error ? error.message : String(error)}\n`,
        )
      }
    }
  })().finally(() => {
    running = undefined
  })
  return running
}

/**
 * Ctrl-C / SIGTERM: clean up, then exit 130 / 143. A second signal exits at once; the synchronous `exit` hook
 * still kills children and removes temp dirs that an async cleanup did not get to.
 */
export function installCleanupHandlers(): void {
  if (installed) return
  installed = true
  let signalled = false
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (signalled) process.exit(code)
    signalled = true
    process.stderr.write(`\n${signal}: stopping servers and removing temporary files…\n`)
    void runCleanups().finally(() => process.exit(code))
  }
  process.on('SIGINT', () => onSignal('SIGINT', 130))
  process.on('SIGTERM', () => onSignal('SIGTERM', 143))
  process.on('exit', () => {
    for (const entry of cleanups.splice(0).reverse()) {
      try {
        entry.runSync?.()
      } catch {
        // Exiting anyway; nothing better to do.
      }
    }
  })
}
