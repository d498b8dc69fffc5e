import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { insertAgency, insertAgencyAdmin, insertEmployee, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

const url = '/api/v1/employee-imports/example'

describe('GET /employee-imports/example', () => {
  it('downloads examples/pegawai-contoh.xlsx for those who may import', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await signIn(app, context, await insertAgencyAdmin(context, agency.id))

    const response = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } })

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(response.headers['content-disposition']).toBe('attachment; filename="pegawai-contoh.xlsx"')
    expect(response.rawPayload.equals(readFileSync('examples/pegawai-contoh.xlsx'))).toBe(true)
  })

  it('is refused without the import permission and without a session', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const employee = await signIn(app, context, await insertEmployee(context, agency.id))

    const asEmployee = await app.inject({ method: 'GET', url, headers: { cookie: employee.cookie } })
    expect(asEmployee.statusCode).toBe(403)
    expect(asEmployee.json().error.code).toBe('auth.forbidden')
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401)
  })
})
