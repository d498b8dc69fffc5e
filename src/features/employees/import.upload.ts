/**
 * Receiving an uploaded spreadsheet: streamed to disk with backpressure and hashed on the way, never held in
 * memory, at most `maxUploadBytes`.
 */
import type { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { DomainError } from '../../domain/errors.js'

/** Largest accepted upload (a 50 MB spreadsheet with room to spare). */
export const maxUploadBytes = 60 * 1024 * 1024

/**
 * Streams an upload to a file, hashing it, with backpressure. Past `maxUploadBytes` it fails with
 * `request.too_large` and keeps draining the rest unread (so the client still gets the 413 answer).
 */
export function receiveUpload(
  body: Readable,
  file: string,
  hash: ReturnType<typeof createHash>,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
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
      if (size > maxUploadBytes)
        return fail(new DomainError('request.too_large', { maxBytes: maxUploadBytes }))
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
        resolve(size)
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
