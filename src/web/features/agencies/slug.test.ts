import { describe, expect, it } from 'vitest'
import { CreateAgencyBody } from '../../../features/agencies/agencies.schema'
import { slugFrom } from './slug'

describe('slugFrom', () => {
  it('turns an agency name into lower-case words joined by hyphens', () => {
    expect(slugFrom('Pemerintah Kota Bandung')).toBe('pemerintah-kota-bandung')
  })

  it('drops accents and punctuation', () => {
    expect(slugFrom('  Dinas Kominfo & Statistik (Kab. Bantaeng) ')).toBe(
      'dinas-kominfo-statistik-kab-bantaeng',
    )
  })

  it('suggests only slugs the server accepts, even for long names', () => {
    const slug = slugFrom(
      'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Provinsi Nusa Tenggara Timur',
    )
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(CreateAgencyBody.safeParse({ slug, name: 'Nama', kind: 'pemprov' }).success).toBe(true)
  })
})
