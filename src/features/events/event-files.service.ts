/**
 * Materials and photos of events: stored under DATA_DIR/events/<id> once their first bytes match what the purpose
 * allows (event-files.ts), listed, downloaded by those who see the event, removed by those who manage it (an apel's
 * photos stay once its leader signed the record). Every change is audited inside its transaction.
 */
import { rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { createEventAccess, type LoadedEvent } from './event-access.js'
import { allowedTypes, detectFileType, maxBytesFor, mediaTypeOf, storeUpload } from './event-files.js'
import * as repo from './events.repository.js'
import type {
  EventFileList,
  EventFilePurpose,
  EventFileType,
  EventFileView,
  UploadFileQuery,
} from './events.schema.js'

export interface EventFilesServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** Where event files are kept (DATA_DIR/events). */
  readonly fileDir: string
}

/** The safe part of an uploaded file's name (no path, no control characters). */
function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 32 && char.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200)
  return cleaned === '' ? fallback : cleaned
}

export function createEventFilesService({ db, clock, fileDir }: EventFilesServiceDeps) {
  const { loadEvent } = createEventAccess(db)
  const fileOf = (id: string) => path.join(fileDir, id)

  const toFileView = (row: repo.EventFileRow): EventFileView => ({
    id: row.id,
    eventId: row.eventId,
    purpose: row.purpose as EventFilePurpose,
    fileName: row.fileName,
    fileType: row.fileType as EventFileType,
    mediaType: mediaTypeOf[row.fileType as EventFileType],
    fileSize: Number(row.fileSize),
    sha256: row.sha256,
    createdAt: row.createdAt,
  })

  return {
    /**
     * Stores a material or photo after checking its first bytes: anything the purpose does not allow is
     * `request.unsupported_media_type` (415), anything past the cap `request.too_large` (413); neither leaves a file.
     */
    async uploadFile(
      actor: Actor,
      eventId: string,
      purpose: EventFilePurpose,
      query: UploadFileQuery,
      body: Readable,
      declaredBytes?: number,
    ): Promise<EventFileView> {
      const { event } = await loadEvent(actor, eventId, 'manage')
      const upload = await storeUpload(fileDir, body, maxBytesFor[purpose], declaredBytes)
      try {
        const fileType = await detectFileType(upload.partial)
        const accepted = allowedTypes[purpose]
        if (fileType === null || !accepted.includes(fileType))
          throw new DomainError('request.unsupported_media_type', {
            accepted: accepted.map((type) => mediaTypeOf[type]),
          })
        const row: repo.EventFileRow = {
          id: upload.id,
          eventId,
          purpose,
          fileName: cleanFileName(query.fileName, `${purpose === 'photo' ? 'foto' : 'materi'}.${fileType}`),
          fileType,
          fileSize: upload.size,
          sha256: upload.sha256,
          createdBy: actor.userId,
          createdAt: clock.now().toISOString(),
        }
        await rename(upload.partial, fileOf(upload.id))
        try {
          await db.transaction().execute(async (trx) => {
            await repo.insertFile(trx, row)
            await recordAuditEvent(trx, clock, auditActorOf(actor), {
              action: 'event.file_added',
              entityType: 'event',
              entityId: eventId,
              agencyId: event.agencyId,
              summary: { fileId: row.id, purpose, fileType, fileSize: row.fileSize, sha256: row.sha256 },
            })
          })
        } catch (error) {
          await rm(fileOf(upload.id), { force: true })
          throw error
        }
        return toFileView(row)
      } finally {
        await rm(upload.partial, { force: true })
      }
    },

    async listFiles(actor: Actor, eventId: string): Promise<EventFileList> {
      await loadEvent(actor, eventId, 'read')
      return { items: (await repo.listFiles(db, eventId)).map(toFileView) }
    },

    /** A file of an event the actor sees, with where it lies on disk. */
    async openFile(actor: Actor, fileId: string): Promise<{ view: EventFileView; filePath: string }> {
      const row = await repo.findFileById(db, fileId)
      if (!row) throw new DomainError('event.file_not_found', { fileId })
      try {
        await loadEvent(actor, row.eventId, 'read')
      } catch (error) {
        if (error instanceof DomainError && error.code === 'event.not_found')
          throw new DomainError('event.file_not_found', { fileId })
        throw error
      }
      const filePath = fileOf(row.id)
      // A row whose file is gone from disk (restored database, deleted by hand) is "not found", not a broken stream.
      if (!(await stat(filePath).catch(() => null))?.isFile())
        throw new DomainError('event.file_not_found', { fileId })
      return { view: toFileView(row), filePath }
    },

    async deleteFile(actor: Actor, fileId: string): Promise<void> {
      const row = await repo.findFileById(db, fileId)
      if (!row) throw new DomainError('event.file_not_found', { fileId })
      let loaded: LoadedEvent
      try {
        loaded = await loadEvent(actor, row.eventId, 'manage')
      } catch (error) {
        if (error instanceof DomainError && error.code === 'event.not_found')
          throw new DomainError('event.file_not_found', { fileId })
        throw error
      }
      if (loaded.event.leaderSignedAt !== null && row.purpose === 'photo')
        throw new DomainError('event.record_signed', { eventId: row.eventId })
      await db.transaction().execute(async (trx) => {
        await repo.deleteFile(trx, fileId)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.file_removed',
          entityType: 'event',
          entityId: row.eventId,
          agencyId: loaded.event.agencyId,
          summary: { fileId, purpose: row.purpose, sha256: row.sha256 },
        })
      })
      await rm(fileOf(fileId), { force: true })
    },
  }
}

export type EventFilesService = ReturnType<typeof createEventFilesService>
