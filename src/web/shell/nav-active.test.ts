import { describe, expect, it } from 'vitest'
import { activeNavPath } from './nav-active'

const menu = ['/', '/pegawai', '/pengaduan', '/pengaduan/permintaan-identitas', '/kanal-pengaduan']

describe('activeNavPath', () => {
  it.each([
    ['/pengaduan/permintaan-identitas', '/pengaduan/permintaan-identitas'],
    ['/pengaduan', '/pengaduan'],
    // A report's page belongs to the inbox.
    ['/pengaduan/01a2057f-8079-70f8-957f-cf784f00c9da', '/pengaduan'],
    ['/kanal-pengaduan', '/kanal-pengaduan'],
    ['/pegawai/impor', '/pegawai'],
    ['/', '/'],
  ])('lights only the most specific entry on %s', (pathname, active) => {
    expect(activeNavPath(menu, pathname)).toBe(active)
  })

  it('does not take a sibling sharing the first letters, nor home, for an unknown page', () => {
    expect(activeNavPath(menu, '/pengaduanku')).toBeNull()
    expect(activeNavPath(menu, '/tidak-ada')).toBeNull()
  })

  it('falls back to the parent entry when the specific one is not shown to this user', () => {
    expect(activeNavPath(['/', '/pengaduan'], '/pengaduan/permintaan-identitas')).toBe('/pengaduan')
  })
})
