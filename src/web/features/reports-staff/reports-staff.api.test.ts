import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import { duplicateFailureMessage } from './reports-staff.api'

// Translated with the default language, Indonesian.
const here = { id: '01a2085f-529b-7733-8c5d-a2bbcf23e0d6', reportNumber: 'ADU-2026-000001' }
const chained = (duplicateOf: unknown) =>
  new ApiError(422, 'report.duplicate_invalid', {
    reason: 'target_is_duplicate',
    reportNumber: 'ADU-2026-000002',
    duplicateOf,
  })

describe('duplicateFailureMessage', () => {
  it('says the chosen report was already merged into this one', () => {
    expect(duplicateFailureMessage(chained(here), here.id)).toBe(
      'Laporan ADU-2026-000002 sudah digabung ke laporan ini, jadi laporan ini tidak dapat ditandai sebagai duplikatnya.',
    )
  })

  it('names the report the chosen one was merged into, to pick instead', () => {
    const root = { id: '01a2085f-529b-7733-8c5d-a2bbcf23e0d7', reportNumber: 'ADU-2026-000003' }
    expect(duplicateFailureMessage(chained(root), here.id)).toBe(
      'Laporan ADU-2026-000002 sudah ditandai sebagai duplikat dari laporan ADU-2026-000003. ' +
        'Pilih laporan ADU-2026-000003 sebagai gantinya.',
    )
  })

  it('falls back to the error code sentence for other refusals and for details it cannot read', () => {
    const generic =
      'Laporan ini tidak dapat ditandai sebagai duplikat dari laporan tersebut (laporan yang sama, tidak ditemukan, atau sudah merupakan duplikat).'
    expect(
      duplicateFailureMessage(new ApiError(422, 'report.duplicate_invalid', { reason: 'self' }), here.id),
    ).toBe(generic)
    expect(duplicateFailureMessage(chained(null), here.id)).toBe(generic)
    expect(duplicateFailureMessage(chained({ id: 7 }), here.id)).toBe(generic)
    expect(
      duplicateFailureMessage(new ApiError(409, 'report.status_invalid', { from: 'duplicate' }), here.id),
    ).toMatch(/^Status laporan tidak dapat diubah/)
    expect(duplicateFailureMessage(new Error('boom'), here.id)).toBe(
      duplicateFailureMessage(new ApiError(0, 'client.unexpected_response'), here.id),
    )
  })
})
