import { describe, expect, it } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

interface Item {
  code: string
  name: string
  level: string
  parentName?: string
}

/** An agency admin signed in; `regionCode` sets the agency's own region (Kota Malang is 35.73). */
async function regionsApp(regionCode: string | null = null) {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  if (regionCode)
    await context.database.db
      .updateTable('agencies')
      .set({ regionCode })
      .where('id', '=', agency.id)
      .execute()
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const search = async (query: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/regions${query}`,
      headers: session.headers,
    })
    return { status: response.statusCode, body: response.json<{ items: Item[] } & Record<string, unknown>>() }
  }
  return { app, context, agency, session, search }
}

const codes = (items: readonly Item[]) => items.map((item) => item.code)

describe('GET /api/v1/regions', () => {
  it('finds a kecamatan by its name, whatever the case and accents, with the level and the city above it', async () => {
    const { search } = await regionsApp()

    for (const q of ['klojen', 'KLOJEN', 'Klojén']) {
      const { status, body } = await search(`?q=${encodeURIComponent(q)}`)
      expect(status).toBe(200)
      expect(body.items[0]).toEqual({
        code: '35.73.02',
        name: 'Klojen',
        level: 'district',
        parentName: 'Kota Malang',
      })
    }
  })

  it('matches every word, also against the regions above, and puts the region named by all words first', async () => {
    const { search } = await regionsApp()

    const city = await search('?q=kota%20malang')
    expect(city.body.items[0]).toEqual({
      code: '35.73',
      name: 'Kota Malang',
      level: 'regency',
      parentName: 'Jawa Timur',
    })
    // "kota" and "malang" both in the name; no region of another city whose name lacks the words.
    expect(
      city.body.items.every((item) => /kota|malang/i.test(`${item.name} ${item.parentName ?? ''}`)),
    ).toBe(true)

    const village = await search('?q=kauman%20klojen')
    expect(village.body.items).toEqual([
      { code: '35.73.02.1007', name: 'Kauman', level: 'village', parentName: 'Klojen, Kota Malang' },
    ])

    const province = await search('?q=jawa%20timur')
    expect(province.body.items[0]).toEqual({ code: '35', name: 'Jawa Timur', level: 'province' })
  })

  it('orders name matches by level (city before its namesakes below), then by name', async () => {
    const { search } = await regionsApp()

    const { body } = await search('?q=malang&limit=6')

    expect(codes(body.items).slice(0, 2)).toEqual(['35.07', '35.73'])
    const levels = body.items.map((item) =>
      ['province', 'regency', 'district', 'village'].indexOf(item.level),
    )
    expect(levels).toEqual([...levels].sort((a, b) => a - b))
  })

  it('finds by the beginning of the code, dotted or in digits: the exact code first, then higher levels', async () => {
    const { search } = await regionsApp()

    const dotted = await search('?q=35.73&limit=6')
    expect(codes(dotted.body.items)).toEqual([
      '35.73',
      '35.73.01',
      '35.73.03',
      '35.73.02',
      '35.73.05',
      '35.73.04',
    ])
    expect(dotted.body.items[1]).toEqual({
      code: '35.73.01',
      name: 'Blimbing',
      level: 'district',
      parentName: 'Kota Malang',
    })

    const digits = await search('?q=3573&limit=6')
    expect(digits.body.items).toEqual(dotted.body.items)

    const village = await search('?q=3573021007')
    expect(village.body.items).toEqual([
      { code: '35.73.02.1007', name: 'Kauman', level: 'village', parentName: 'Klojen, Kota Malang' },
    ])

    const partial = await search('?q=35.7&limit=50')
    expect(partial.body.items.every((item) => item.code.startsWith('35.7'))).toBe(true)
    expect(partial.body.items[0]?.level).toBe('regency')

    const nothing = await search('?q=99.99')
    expect(nothing.body.items).toEqual([])
  })

  it('lists the children of a parent by name, and searches only below it with q', async () => {
    const { search } = await regionsApp()

    const children = await search('?parent=35.73')
    expect(children.body.items.map((item) => item.name)).toEqual([
      'Blimbing',
      'Kedungkandang',
      'Klojen',
      'Lowokwaru',
      'Sukun',
    ])
    expect(children.body.items.every((item) => item.level === 'district')).toBe(true)

    const undotted = await search('?parent=357302&limit=50')
    expect(undotted.body.items.length).toBeGreaterThan(5)
    expect(undotted.body.items.every((item) => item.code.startsWith('35.73.02.'))).toBe(true)
    expect(undotted.body.items.every((item) => item.parentName === 'Klojen, Kota Malang')).toBe(true)

    const within = await search('?parent=35.73&q=kauman')
    expect(codes(within.body.items)).toEqual(['35.73.02.1007'])

    expect((await search('?parent=35.73.02.1007')).body.items).toEqual([])
    expect((await search('?parent=99')).body.items).toEqual([])
  })

  it('puts matches inside the agency’s own region first and, without a query, offers that region and its children', async () => {
    const malang = await regionsApp('35.73')

    const kauman = await malang.search('?q=kauman&limit=5')
    expect(kauman.body.items[0]).toMatchObject({ code: '35.73.02.1007', name: 'Kauman' })

    const start = await malang.search('')
    expect(codes(start.body.items)).toEqual([
      '35.73',
      '35.73.01',
      '35.73.03',
      '35.73.02',
      '35.73.05',
      '35.73.04',
    ])

    // The same search from an agency without a region code: Kauman of Malang is not first any more.
    const elsewhere = await regionsApp()
    const other = await elsewhere.search('?q=kauman&limit=5')
    expect(other.body.items[0]?.code).not.toBe('35.73.02.1007')
    const provinces = await elsewhere.search('')
    expect(provinces.body.items).toHaveLength(20)
    expect(provinces.body.items.every((item) => item.level === 'province')).toBe(true)
    expect(provinces.body.items[0]).toEqual({ code: '11', name: 'Aceh', level: 'province' })
  })

  it('returns 20 items by default and at most `limit` (up to 50)', async () => {
    const { search } = await regionsApp()

    expect((await search('?q=k')).body.items).toHaveLength(20)
    expect((await search('?q=k&limit=50')).body.items).toHaveLength(50)
    expect((await search('?q=k&limit=3')).body.items).toHaveLength(3)
    const none = await search('?q=zzzzqqq')
    expect(none).toEqual({ status: 200, body: { items: [] } })
  })

  it.each([
    ['a limit above 50', '?q=k&limit=51'],
    ['a limit of 0', '?q=k&limit=0'],
    ['a limit that is no number', '?q=k&limit=banyak'],
    ['a parent that is no region code', '?parent=35.7a'],
    ['an unknown parameter', '?q=k&agencyId=x'],
    ['a query longer than 100 characters', `?q=${'a'.repeat(101)}`],
  ])('answers 400 request.invalid for %s', async (_name, query) => {
    const { search } = await regionsApp()

    const { status, body } = await search(query)

    expect(status).toBe(400)
    expect(body).toMatchObject({ error: { code: 'request.invalid' } })
  })

  it('answers 401 without a session', async () => {
    const { app } = await createTestApp()

    const response = await app.inject({ method: 'GET', url: '/api/v1/regions?q=klojen' })

    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'auth.unauthenticated' } })
  })

  it('answers 403 to an employee, who does not work on the roster', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const employee = await insertEmployee(context, agency.id)
    const session = await signIn(app, context, employee)

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/regions?q=klojen',
      headers: session.headers,
    })

    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ error: { code: 'auth.forbidden' } })
  })

  it('serves a unit admin too, with their agency’s region as the context', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    await context.database.db
      .updateTable('agencies')
      .set({ regionCode: '35.73' })
      .where('id', '=', agency.id)
      .execute()
    const unit = await insertUnit(context, agency.id, { name: 'Kecamatan Klojen', kind: 'kecamatan' })
    const unitAdmin = await insertUnitScopedAccount(context, agency.id, unit.id)
    const session = await signIn(app, context, unitAdmin)

    const response = await app.inject({ method: 'GET', url: '/api/v1/regions', headers: session.headers })

    expect(response.statusCode).toBe(200)
    expect(response.json().items[0]).toEqual({
      code: '35.73',
      name: 'Kota Malang',
      level: 'regency',
      parentName: 'Jawa Timur',
    })
  })
})
