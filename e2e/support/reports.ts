/**
 * Looking at what the server left on disk after a public report: every file under a directory, and which of them
 * hold a given byte sequence (a marker text, a user agent, a file signature) in the clear.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Every regular file under `dir`, recursively (absolute paths). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** The names (relative to `root`) of the `files` whose bytes contain `needle` anywhere. */
export function filesContaining(root: string, files: readonly string[], needle: string | Buffer): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle
  return files.filter((file) => readFileSync(file).includes(bytes)).map((file) => path.relative(root, file))
}

/** The start of a JPEG (SOI marker and the first marker's prefix) and of a PNG: what a stored plain image shows. */
export const jpegMagic = Buffer.from([0xff, 0xd8, 0xff])
export const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** `1234567890123456` → `1234 5678 9012 3456`, as a reporter copies it from the receipt screen. */
export const groupedReceipt = (receipt: string): string => receipt.replace(/(\d{4})(?=\d)/g, '$1 ')
