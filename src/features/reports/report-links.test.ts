import { describe, expect, it } from 'vitest'
import { hashReportLink, normalizeReportUrl } from './report-links.js'

describe('report link hashes', () => {
  it.each([
    ['https://www.instagram.com/p/abc123/?igsh=xyz', 'https://instagram.com/p/abc123'],
    [
      'HTTPS://M.Facebook.com/story.php?story_fbid=9&id=1&fbclid=zz#top',
      'https://facebook.com/story.php?id=1&story_fbid=9',
    ],
    [
      'https://tiktok.com/@guru.budi/video/1?utm_source=wa&utm_medium=x',
      'https://tiktok.com/@guru.budi/video/1',
    ],
    ['bukan url', 'bukan url'],
  ])('normalises %s', (raw, normal) => expect(normalizeReportUrl(raw)).toBe(normal))

  it('hashes the same post alike, keyed and per agency', () => {
    const key = Buffer.alloc(32, 7)
    const a = hashReportLink(key, 'agency-a', 'https://www.x.com/u/status/1?s=20')
    expect(hashReportLink(key, 'agency-a', 'https://x.com/u/status/1')).toBe(a)
    expect(hashReportLink(key, 'agency-b', 'https://x.com/u/status/1')).not.toBe(a)
    expect(hashReportLink(Buffer.alloc(32, 8), 'agency-a', 'https://x.com/u/status/1')).not.toBe(a)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })
})
