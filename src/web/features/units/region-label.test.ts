import { describe, expect, it } from 'vitest'
import { i18next } from '../../i18n/i18n'
import { regionDisplayName, regionLabel, regionLevelOf, regionNameKind, regionOfUnit } from './region-label'

const inLanguage = (lng: 'id' | 'en') => i18next.getFixedT(lng)

describe('region labels', () => {
  it.each([
    ['35', 'province'],
    ['35.73', 'regency'],
    ['35.73.02', 'district'],
    ['35.73.02.1007', 'village'],
    ['3573', null],
    ['35.73.2', null],
  ] as const)('reads the level of %s from the code', (code, level) => {
    expect(regionLevelOf(code)).toBe(level)
  })

  it.each([
    ['35.73.02', 'district', 'district'],
    ['91.03.01', 'district', 'district_papua'],
    ['35.73.02.1007', 'village', 'kelurahan'],
    ['35.07.01.2001', 'village', 'desa'],
    ['91.03.01.3007', 'village', 'desa_adat'],
    ['35', 'province', 'province'],
    ['35.73', 'regency', 'regency'],
  ] as const)('tells the kind of %s (%s) from its code: %s', (code, level, kind) => {
    expect(regionNameKind(code, level)).toBe(kind)
  })

  it('writes the option as code · kind and name, and the regions above, in Indonesian and English', () => {
    const klojen = { code: '35.73.02', name: 'Klojen', level: 'district', parentName: 'Kota Malang' } as const
    expect(regionLabel(inLanguage('id'), klojen)).toBe('35.73.02 · Kecamatan Klojen, Kota Malang')
    expect(regionLabel(inLanguage('en'), klojen)).toBe('35.73.02 · Klojen District, Kota Malang')

    const kauman = {
      code: '35.73.02.1007',
      name: 'Kauman',
      level: 'village',
      parentName: 'Klojen, Kota Malang',
    } as const
    expect(regionLabel(inLanguage('id'), kauman)).toBe(
      '35.73.02.1007 · Kelurahan Kauman, Klojen, Kota Malang',
    )

    const province = { code: '35', name: 'Jawa Timur', level: 'province' } as const
    expect(regionLabel(inLanguage('id'), province)).toBe('35 · Provinsi Jawa Timur')
  })

  it('does not repeat a kind the name already carries', () => {
    const t = inLanguage('id')
    expect(regionDisplayName(t, { code: '35.07', name: 'Kabupaten Malang', level: 'regency' })).toBe(
      'Kabupaten Malang',
    )
    expect(regionDisplayName(t, { code: '91.03.01.3007', name: 'Desa Adat Yoboi', level: 'village' })).toBe(
      'Desa Adat Yoboi',
    )
    expect(regionDisplayName(t, { code: '91.03.01', name: 'Sentani', level: 'district' })).toBe(
      'Distrik Sentani',
    )
  })

  it('shows a unit’s region with its kind, or the bare code when the name is unknown', () => {
    const t = inLanguage('id')
    expect(regionOfUnit(t, '35.73.02', 'Klojen')).toBe('35.73.02 · Kecamatan Klojen')
    expect(regionOfUnit(t, '35.73.02', null)).toBe('35.73.02')
  })
})
