import type { Config } from '../../config.js'
import { createDatabase } from '../../db/database.js'
import { verifyAuditChains } from '../../features/audit/audit.service.js'
import type { CommandResult } from '../output.js'

/** Exit 0 when every chain holds; exit 1 naming the first broken row of each broken chain. */
export async function runAuditVerify(config: Config): Promise<CommandResult> {
  const database = createDatabase(config.database)
  try {
    const result = await verifyAuditChains(database.db)
    if (result.ok) {
      return {
        exitCode: 0,
        lines: [`audit trail intact: ${result.checked} event(s) in ${result.chains.length} chain(s)`],
      }
    }
    const lines = result.chains
      .filter((chain) => chain.firstBreak)
      .map((chain) => {
        const broken = chain.firstBreak
        return `audit chain ${chain.chain} broken at seq ${broken?.seq} (row id ${broken?.id}): ${broken?.reason}`
      })
    return { exitCode: 1, lines }
  } finally {
    await database.close()
  }
}
