import { userInfo } from 'node:os'
import type { Config } from '../../config.js'
import { createContext } from '../../context.js'
import type { RoleAssignment } from '../../domain/access.js'
import { findAgencyBySlug } from '../../features/agencies/agencies.service.js'
import { cliActor } from '../../features/audit/audit.service.js'
import { createAccount } from '../../features/auth/users.service.js'
import { createLogger } from '../../platform/logger.js'
import { temporaryPassword } from '../../platform/random.js'
import { CliError, type CommandResult } from '../output.js'

export interface CreateAdminOptions {
  readonly username: string
  readonly password: string | undefined
  readonly agencySlug: string | undefined
  readonly displayName: string | undefined
}

/**
 * Without --agency: a platform super admin. With --agency SLUG: an agency admin (BKPSDM) of that agency.
 * Without --password: a temporary password is generated and printed once.
 */
export async function runCreateAdmin(config: Config, options: CreateAdminOptions): Promise<CommandResult> {
  const context = await createContext(config, { logger: createLogger('warn') })
  try {
    const db = context.database.db
    let agencyId: string | null = null
    let assignments: RoleAssignment[] = [{ role: 'super_admin', agencyId: null, unitId: null }]
    if (options.agencySlug) {
      const agency = await findAgencyBySlug(db, options.agencySlug)
      if (!agency) throw new CliError(`no agency with slug "${options.agencySlug}"`, 1)
      agencyId = agency.id
      assignments = [{ role: 'agency_admin', agencyId, unitId: null }]
    }
    const password = options.password ?? temporaryPassword()
    const user = await createAccount(db, context.clock, cliActor(safeUsername()), {
      username: options.username,
      displayName: options.displayName ?? 'Administrator',
      agencyId,
      assignments,
      password,
      passwordIsTemporary: options.password === undefined,
    })
    const scope = options.agencySlug ? `agency_admin of ${options.agencySlug}` : 'super_admin'
    const shown = options.password ? '' : ` with temporary password ${password}`
    return { exitCode: 0, lines: [`created ${user.username} (${scope})${shown}`] }
  } finally {
    await context.close()
  }
}

function safeUsername(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}
