/**
 * Queries of the hot paths, built and compiled once per database and then run with new parameter values.
 *
 * Kysely builds and compiles a query on every call (an eighth of the server's CPU on the signing path), and on
 * PostgreSQL the server then parses and plans the SQL anew: planning the five-join lookup of the signing page was
 * over half of PostgreSQL's CPU under `npm run bench -- signing`. A prepared query is compiled on its first call
 * with placeholder values; later calls swap in their values. On PostgreSQL its SQL is also registered as a named
 * statement (`namedStatementFor`), which database.ts sends with the statement's name, so each pool connection
 * parses and plans it once. On SQLite the statement cache (sqlite-statement-cache.ts) already keeps it prepared.
 *
 * The builder must pass its parameters to Kysely as values (`where('codeHash', '=', codeHash)`), not compute with
 * them: it is called with placeholder objects, and a placeholder that does not come out as a parameter of the
 * compiled SQL is a programming error (thrown on the first call).
 */
import { CompiledQuery, PostgresAdapter, type Compilable, type Kysely } from 'kysely'
import type { Database } from './tables.js'

/** SQL text → statement name, for every prepared query compiled for PostgreSQL in this process. */
const namedStatements = new Map<string, string>()

/** The name to prepare this SQL under on PostgreSQL, when a prepared query compiled it. */
export const namedStatementFor = (sql: string): string | undefined => namedStatements.get(sql)

class Placeholder {
  constructor(readonly index: number) {}
}

/** Where each parameter of the compiled SQL comes from: a caller's value (by position) or a constant of the query. */
type ParameterSource = { readonly param: number } | { readonly constant: unknown }

interface Compiled {
  readonly query: CompiledQuery
  readonly sources: readonly ParameterSource[]
}

export function preparedQuery<Params extends readonly unknown[], Row>(
  name: string,
  arity: Params['length'],
  build: (db: Kysely<Database>, ...params: Params) => Compilable<Row>,
): (db: Kysely<Database>, ...params: Params) => Promise<Row[]> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`prepared query name "${name}" is not snake_case`)
  // One compilation per dialect adapter: transactions share their database's adapter, so they share it too.
  const compiledBy = new WeakMap<object, Compiled>()

  function compile(db: Kysely<Database>): Compiled {
    const placeholders = Array.from({ length: arity }, (_, index) => new Placeholder(index))
    const query = build(db, ...(placeholders as unknown as Params)).compile()
    const sources = query.parameters.map((value): ParameterSource =>
      value instanceof Placeholder ? { param: value.index } : { constant: value },
    )
    for (const placeholder of placeholders)
      if (!sources.some((source) => 'param' in source && source.param === placeholder.index))
        throw new Error(`prepared query ${name}: parameter ${placeholder.index} is not a value of the SQL`)
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      const known = namedStatements.get(query.sql)
      if (known === undefined) namedStatements.set(query.sql, `netra_${name}_${namedStatements.size}`)
    }
    return { query, sources }
  }

  return async (db, ...params) => {
    const adapter = db.getExecutor().adapter
    let compiled = compiledBy.get(adapter)
    if (!compiled) {
      compiled = compile(db)
      compiledBy.set(adapter, compiled)
    }
    const parameters = compiled.sources.map((source) =>
      'param' in source ? params[source.param] : source.constant,
    )
    const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.query.sql, parameters))
    return result.rows
  }
}
