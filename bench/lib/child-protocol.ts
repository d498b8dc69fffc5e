/**
 * The two sides of a child process under test (bench/servers/*.ts). A server prints one line
 * `NETRA_BENCH_READY {"port":1234}` on stdout when it listens; a one-shot job prints `NETRA_BENCH_RESULT {…}`.
 * Either exits when its stdin closes, so a parent that dies hard (SIGKILL) leaves no orphan behind.
 */
export const readyPrefix = 'NETRA_BENCH_READY '
export const resultPrefix = 'NETRA_BENCH_RESULT '

export function announceReady(port: number): void {
  process.stdout.write(`${readyPrefix}${JSON.stringify({ port })}\n`)
}

export function announceResult(result: unknown): void {
  process.stdout.write(`${resultPrefix}${JSON.stringify(result)}\n`)
}

/**
 * Child side: runs `close` once on SIGINT, SIGTERM or when the parent's end of stdin closes, then exits.
 * `close` should stop listening and release the database.
 */
export function exitWithParent(close: () => Promise<void>): void {
  let closing = false
  const stop = (code: number) => {
    if (closing) return
    closing = true
    const force = setTimeout(() => process.exit(code), 5_000)
    force.unref()
    close()
      .catch((error: unknown) => process.stderr.write(`close failed: ${String(error)}\n`))
      .finally(() => process.exit(code))
  }
  process.on('SIGINT', () => stop(0))
  process.on('SIGTERM', () => stop(0))
  process.stdin.on('end', () => stop(0))
  process.stdin.on('error', () => stop(0))
  process.stdin.resume()
}
