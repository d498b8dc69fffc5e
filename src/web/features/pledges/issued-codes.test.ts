import { describe, expect, it } from 'vitest'
import { codesByUnit, codesCsv, forgetIssuedCodes, issuedCodesOf, rememberIssuedCodes } from './issued-codes'
import type { IssuedCode } from './pledges.api'

const code = (name: string, unitName: string, changes: Partial<IssuedCode> = {}): IssuedCode => ({
  employeeId: `e-${name}`,
  name,
  nip: '198501012010011001',
  unitId: `u-${unitName}`,
  unitName,
  code: `kode-${name}`,
  link: `https://netra.example/ikrar/kode-${name}`,
  emailQueued: false,
  whatsAppQueued: false,
  ...changes,
})

describe('issued codes', () => {
  it('groups by unit and sorts units and people by name', () => {
    const groups = codesByUnit([
      code('Budi', 'Dinas Pendidikan'),
      code('Ani', 'Bappeda'),
      code('Agus', 'Dinas Pendidikan'),
    ])
    expect(groups.map((group) => [group.unitName, group.codes.map((item) => item.name)])).toEqual([
      ['Bappeda', ['Ani']],
      ['Dinas Pendidikan', ['Agus', 'Budi']],
    ])
  })

  it('writes a CSV that quotes separators and defuses spreadsheet formulas', () => {
    const csv = codesCsv(
      [code('Siti, S.E.', 'Bappeda', { nip: null }), code('=SUM(A1)', 'Bappeda')],
      ['Unit kerja', 'Nama', 'NIP', 'Kode', 'Tautan'],
    )
    expect(csv.split('\r\n')).toEqual([
      'Unit kerja,Nama,NIP,Kode,Tautan',
      `Bappeda,"'=SUM(A1)",198501012010011001,kode-=SUM(A1),https://netra.example/ikrar/kode-=SUM(A1)`,
      'Bappeda,"Siti, S.E.",,"kode-Siti, S.E.","https://netra.example/ikrar/kode-Siti, S.E."',
      '',
    ])
  })

  it('keeps a batch in memory per campaign until forgotten', () => {
    rememberIssuedCodes({
      campaignId: 'c1',
      campaignName: 'Ikrar',
      issuedAt: '2026-11-24T01:00:00Z',
      codes: [code('Ani', 'Bappeda')],
    })
    expect(issuedCodesOf('c1')?.codes).toHaveLength(1)
    expect(issuedCodesOf('c2')).toBeUndefined()
    forgetIssuedCodes('c1')
    expect(issuedCodesOf('c1')).toBeUndefined()
  })
})
