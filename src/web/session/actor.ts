/**
 * The session seen as the domain's Actor, so the web asks the same pure rules as the server
 * (src/domain/access.ts) which buttons to show, instead of re-deciding them.
 */
import { decide, navigationAreas, type Actor, type NavigationKey, type PolicyName } from '../../domain/access'
import type { SessionView } from '../../features/auth/auth.schema'

export function actorOf(session: SessionView): Actor {
  return {
    userId: session.user.id,
    username: session.user.username,
    agencyId: session.agency?.id ?? null,
    stage: session.stage,
    assignments: session.roles,
  }
}

export const mayUse = (session: SessionView, policy: PolicyName): boolean =>
  decide(policy, actorOf(session)) === 'allow'

/** The areas the server says this session may use, in the domain's order. */
export function navigationOf(session: SessionView): NavigationKey[] {
  return navigationAreas.map((area) => area.key).filter((key) => session.navigation.includes(key))
}
