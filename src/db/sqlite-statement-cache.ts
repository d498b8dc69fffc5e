/**
 * Kysely's SQLite driver prepares every statement anew (parsing and planning the SQL each time: an eighth of the
 * server's CPU while pledges are signed). The connection handed to it here keeps the most recently used prepared
 * statements by SQL text. better-sqlite3 runs a statement synchronously to the end, so one statement can serve
 * every caller — except while an `iterate()` over it is open (Kysely's `stream()`): then a fresh one is prepared.
 * SQLite re-prepares a cached statement by itself after a schema change.
 */
import type SqliteDatabase from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'

export const defaultStatementCacheSize = 500

export function withStatementCache(
  connection: SqliteDatabase.Database,
  capacity = defaultStatementCacheSize,
): KyselySqliteDatabase & { readonly cachedStatements: () => number } {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => {
      cache.clear()
      connection.close()
    },
    prepare(sql) {
      const cached = cache.get(sql)
      if (cached && !cached.busy) {
        // Most recently used last: Map keeps insertion order, so the first key is the least recently used.
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = connection.prepare(sql)
      if (!cached) {
        cache.set(sql, statement)
        if (cache.size > capacity) {
          const oldest = cache.keys().next().value
          if (oldest !== undefined) cache.delete(oldest)
        }
      }
      return statement
    },
    cachedStatements: () => cache.size,
  }
}
