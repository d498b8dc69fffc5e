/**
 * One temporary directory per test run: the global setups point TMPDIR at it, so every `os.tmpdir()` of the test
 * workers, of the servers and CLI processes they start and of Chromium lands inside it, and the run removes it at
 * the end. Without it each run left its data directories, SQLite files and uploaded evidence in /tmp (about 100 MB
 * per CI run). NETRA_KEEP_TEST_TMP=1 keeps the directory for a look after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export function useRunTempDir(prefix: string): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`))
  process.env.TMPDIR = dir
  return () => {
    if (process.env.NETRA_KEEP_TEST_TMP === '1') {
      console.info(`test files kept in ${dir}`)
      return
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
  }
}
