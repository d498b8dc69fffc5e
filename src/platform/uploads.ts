/**
 * Receiving an upload body: streamed to disk with backpressure and hashed (SHA-256) on the way, never held in
 * memory, at most `maxBytes` (employee imports, event materials and photos).
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { DomainError } from '../domain/errors.js'

/**
 * Streams an upload to `file`, hashing it, with backpressure. Past `maxBytes` it fails with `request.too_large` and
 * drains the rest unread (so the client still gets the 413 answer).
 */
export function receiveFile(
  body: Readable,
  file: string,
  maxBytes: number,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256')
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file)
    let size = 0
    let settled = false
    let ended = false
    const detach = () => {
      body.off('data', onData)
      body.off('end', onEnd)
      body.off('error', fail)
      body.off('close', onClose)
    }
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      detach()
      out.destroy()
      body.resume()
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return fail(new DomainError('request.too_large', { maxBytes }))
      hash.update(chunk)
      if (!out.write(chunk)) {
        body.pause()
        out.once('drain', () => body.resume())
      }
    }
    const onEnd = () => {
      ended = true
      detach()
      out.end(() => {
        if (settled) return
        settled = true
        resolve({ size, sha256: hash.digest('hex') })
      })
    }
    const onClose = () => {
      if (!ended) fail(new Error('upload aborted'))
    }
    out.once('error', fail)
    body.on('data', onData)
    body.once('end', onEnd)
    body.once('error', fail)
    body.once('close', onClose)
  })
}
