import type { EmployeeKind } from '../../../domain/employee-fields'
import { formatNip, parseNip } from '../../../domain/nip'

/** `19880217 201203 1 905`; a PPPK number in its own layout when it follows it (`19960103 2022 21 1 908`). */
export function groupedNip(nip: string, kind: EmployeeKind = 'PNS'): string {
  if (kind !== 'PPPK') return formatNip(nip, 'pns')
  const parsed = parseNip(nip, 'PPPK')
  return formatNip(nip, parsed.ok ? parsed.value.layout : 'pns')
}
