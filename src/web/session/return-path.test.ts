import { describe, expect, it } from 'vitest'
import { returnPathOf } from './return-path'

describe('returnPathOf', () => {
  it('returns to the remembered page with its query and anchor', () => {
    expect(returnPathOf({ from: { pathname: '/pengguna', search: '?q=budi', hash: '#x' } })).toBe(
      '/pengguna?q=budi#x',
    )
  })

  it.each([
    ['no state', null],
    ['a state without a page', {}],
    ['the sign-in page itself', { from: { pathname: '/masuk', search: '', hash: '' } }],
    ['the enrolment page', { from: { pathname: '/daftar-autentikator', search: '', hash: '' } }],
    ['another site', { from: { pathname: '//example.org/x', search: '', hash: '' } }],
  ])('goes home for %s', (_case, state) => {
    expect(returnPathOf(state)).toBe('/')
  })
})
