import { describe, expect, it } from 'vitest'
import {
  campaignBodyOf,
  campaignFormErrors,
  emptyCampaignForm,
  zonedInstantOf,
  zonedLocalOf,
  type CampaignFormValues,
} from './campaign-form-values'

const filled = (changes: Partial<CampaignFormValues> = {}): CampaignFormValues => ({
  ...emptyCampaignForm(null),
  templateVersionId: '0190a8a0-0000-7000-8000-000000000001',
  name: '  Ikrar Netralitas ASN Pilkada 2026 ',
  opensAt: '2026-11-24T08:00',
  closesAt: '2026-11-30T16:00',
  ...changes,
})

describe('campaign date-times in the agency zone', () => {
  it('reads a wall-clock time in WIB, WITA and WIT with their offsets', () => {
    expect(zonedInstantOf('2026-11-24T08:00', 'Asia/Jakarta')).toBe('2026-11-24T08:00:00+07:00')
    expect(zonedInstantOf('2026-11-24T08:00', 'Asia/Makassar')).toBe('2026-11-24T08:00:00+08:00')
    expect(zonedInstantOf('2026-11-24T00:30', 'Asia/Jayapura')).toBe('2026-11-24T00:30:00+09:00')
  })

  it('refuses what is not a date-time', () => {
    expect(zonedInstantOf('', 'Asia/Jakarta')).toBeNull()
    expect(zonedInstantOf('2026-02-30T08:00', 'Asia/Jakarta')).toBeNull()
    expect(zonedInstantOf('2026-11-24 08:00', 'Asia/Jakarta')).toBeNull()
  })

  it('shows a stored instant on the agency wall clock and back', () => {
    expect(zonedLocalOf('2026-11-24T01:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-24T08:00')
    expect(zonedLocalOf('2026-11-23T17:30:00.000Z', 'Asia/Jayapura')).toBe('2026-11-24T02:30')
    const local = zonedLocalOf('2026-12-31T20:15:00.000Z', 'Asia/Makassar')
    expect(new Date(zonedInstantOf(local, 'Asia/Makassar') ?? '').toISOString()).toBe(
      '2026-12-31T20:15:00.000Z',
    )
  })
})

describe('campaign form rules', () => {
  it('accepts a complete form and builds the body with trimmed text and offsets', () => {
    const values = filled({
      scope: 'units',
      unitIds: ['u1'],
      employeeKinds: ['NON_ASN'],
      witnesses: [{ name: ' Siti ', institution: 'Bawaslu Kota Contoh', role: '' }],
    })
    expect(campaignFormErrors(values, 'Asia/Jakarta')).toEqual({})
    expect(campaignBodyOf(values, 'Asia/Jakarta')).toEqual({
      templateVersionId: '0190a8a0-0000-7000-8000-000000000001',
      electionId: null,
      name: 'Ikrar Netralitas ASN Pilkada 2026',
      target: {
        scope: 'units',
        unitIds: ['u1'],
        employeeKinds: ['NON_ASN'],
        positionTypes: [],
        onlyUnitHeads: false,
      },
      opensAt: '2026-11-24T08:00:00+07:00',
      closesAt: '2026-11-30T16:00:00+07:00',
      witnesses: [{ name: 'Siti', institution: 'Bawaslu Kota Contoh' }],
    })
  })

  it('drops chosen units when the whole agency is targeted', () => {
    const body = campaignBodyOf(filled({ scope: 'agency', unitIds: ['u1'] }), 'Asia/Jakarta')
    expect(body.target.unitIds).toEqual([])
  })

  it('names every missing or inconsistent field', () => {
    const errors = campaignFormErrors(
      {
        ...emptyCampaignForm(null),
        scope: 'units',
        opensAt: '2026-11-24T08:00',
        closesAt: '2026-11-24T07:59',
        witnesses: [{ name: '', institution: ' ', role: '' }],
      },
      'Asia/Jakarta',
    )
    expect(errors).toEqual({
      templateVersionId: 'required',
      name: 'required',
      unitIds: 'units_required',
      closesAt: 'closes_before_opens',
      'witnesses.0.name': 'required',
      'witnesses.0.institution': 'required',
    })
  })
})
