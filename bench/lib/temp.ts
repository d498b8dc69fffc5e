import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { onCleanup } from './cleanup.js'

/** A fresh directory under the OS temp dir, removed when the bench ends (or is interrupted). */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `netra-bench-${prefix}-`))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  onCleanup(`remove ${dir}`, remove, remove)
  return dir
}
