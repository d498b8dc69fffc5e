import { describe, expect, it } from 'vitest'
import { checkPassword } from './password-policy.js'

describe('checkPassword', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('kopi tubruk di pagi hari', { username: 'budi' })).toEqual([])
  })

  it.each([
    ['pendek', ['too_short']],
    ['aaaaaaaaaaaaaaaa', ['repetitive']],
    ['Indonesia123', ['too_common']],
    ['budisantoso-2026', ['contains_username']],
    ['x'.repeat(129) + 'yz', ['too_long']],
  ])('refuses %s', (password, problems) => {
    expect(checkPassword(password, { username: 'budisantoso' })).toEqual(problems)
  })

  it('allows the username inside a passphrase that is long enough without it', () => {
    expect(checkPassword('Bars-Admin-Pass-2026!', { username: 'admin' })).toEqual([])
    expect(checkPassword('admin-2026-kota', { username: 'admin' })).toEqual(['contains_username'])
  })

  it('counts characters, not bytes', () => {
    expect(checkPassword('pasword🙂🙂🙂🙂')).toEqual(['too_short'])
  })
})
