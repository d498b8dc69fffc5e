/**
 * The public report pages rendered to HTML (no browser here): labels, error wiring and the receipt's wording;
 * the translator; and that every message key the pages use exists in the translation files.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import en from '../../i18n/en.json'
import id from '../../i18n/id.json'
import { I18nProvider, createTranslator, type Messages } from './public-i18n'
import { ReceiptScreen, receiptFileName, receiptFileText } from './receipt-screen'
import { emptyDraft, type ReportDraft } from './report-form-model'
import { IdentityStep, WhatStep } from './report-steps'
import { StatusPage } from './status-page'

const indonesian = id.reportsPublic as Messages
const english = en.reportsPublic as Messages
const t = createTranslator(indonesian, 'id')

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      language: 'id',
      messages: indonesian,
      fallback: indonesian,
      load: async () => english,
      children: node,
    }),
  )
}

const noop = () => undefined
const draft = (patch: Partial<ReportDraft>): ReportDraft => ({ ...emptyDraft, ...patch })

describe('createTranslator', () => {
  it('fills {{names}}, picks plural forms per language and falls back to Indonesian', () => {
    const english_t = createTranslator(english, 'en', indonesian)
    expect(t('steps.progress', { current: 2, total: 5 })).toBe('Langkah 2 dari 5')
    expect(english_t('steps.progress', { current: 2, total: 5 })).toBe('Step 2 of 5')
    expect(t('steps.fix_count', { count: 1 })).toBe(
      '1 isian perlu diperbaiki. Lihat pesan di bawah kolom yang ditandai.',
    )
    expect(english_t('steps.fix_count', { count: 1 })).toBe(
      '1 entry needs fixing. See the message under the marked field.',
    )
    expect(english_t('steps.fix_count', { count: 3 })).toMatch(/^3 entries need fixing/)
    expect(createTranslator({}, 'en', indonesian)('nav.report')).toBe('Buat laporan')
    expect(t('no.such.key')).toBe('no.such.key')
  })
})

describe('message keys', () => {
  it('exist in id.json for every literal key the public pages use', () => {
    const folder = path.dirname(new URL(import.meta.url).pathname)
    const sources = readdirSync(folder)
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(folder, file), 'utf8'))
      .join('\n')
    const used = new Set<string>()
    for (const match of sources.matchAll(/\bt\(\s*'([a-z_]+(?:\.[a-z_]+)*)'/g)) used.add(match[1] as string)
    for (const match of sources.matchAll(/key: '([a-z_]+\.[a-z_.]+)'/g)) used.add(match[1] as string)
    for (const step of ['what', 'who', 'when', 'evidence', 'identity']) used.add(`steps.${step}`)
    for (const level of ['anonymous', 'confidential', 'named']) {
      used.add(`identity.${level}`)
      used.add(`identity.${level}_consent`)
    }
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].filter((key) => {
      const known = (messages: Messages) =>
        typeof createTranslator(messages, 'id', {})(key, { count: 2 }) === 'string' &&
        createTranslator(messages, 'id', {})(key, { count: 2 }) !== key
      return !known(indonesian) || !known(english)
    })
    expect(missing).toEqual([])
  })
})

describe('WhatStep', () => {
  const categories = [
    {
      code: 'KE-02',
      name: 'Kampanye bakal calon di media sosial',
      description: 'Mengunggah atau membagikan ajakan mendukung bakal calon.',
      group: 'kode_etik',
      groupName: 'Pelanggaran kode etik',
      examples: ['Membagikan poster bakal calon di status WhatsApp'],
    },
  ]

  it('groups the categories under headings, offers "Tidak yakin" and ties errors to the fields', () => {
    const html = render(
      createElement(WhatStep, {
        draft: draft({ description: 'pendek' }),
        update: noop,
        errors: {
          category: { key: 'what.category_required' },
          description: { key: 'what.description_short', params: { count: 20 } },
        },
        categories,
        categoriesFailed: false,
        onRetryCategories: noop,
      }),
    )
    expect(html).toContain('<h3 class="lp-group-title">Pelanggaran kode etik</h3>')
    expect(html).toContain('Tidak yakin')
    expect(html).toContain('Contoh: Membagikan poster bakal calon di status WhatsApp')
    expect(html).toContain('id="lp-category-error"')
    expect(html).toMatch(/id="lp-category"[^>]*aria-describedby="lp-category-desc lp-category-error"/)
    expect(html).toMatch(/<label class="lp-label" for="lp-description">Ceritakan apa yang terjadi/)
    expect(html).toMatch(
      /<textarea id="lp-description"[^>]*aria-describedby="lp-description-hint lp-description-error" aria-invalid="true"/,
    )
    expect(html).toContain('Ceritakan sedikit lebih lengkap: paling sedikit 20 karakter.')
    expect(html).toContain('6 / 10.000 karakter')
  })
})

describe('IdentityStep', () => {
  it('defaults to anonymous and explains each level', () => {
    const html = render(createElement(IdentityStep, { draft: emptyDraft, update: noop, errors: {} }))
    expect(html).toMatch(/id="lp-identityLevel"[^>]*checked=""[^>]*value="anonymous"/)
    expect(html).toContain('Tidak ada data tentang Anda yang disimpan')
    expect(html).toContain('disetujui oleh dua pejabat')
    expect(html).toContain('diteruskan ke Bawaslu')
    expect(html).not.toContain('lp-reporterName')
  })

  it('asks for the name when confidential, with the error next to it', () => {
    const html = render(
      createElement(IdentityStep, {
        draft: draft({ identityLevel: 'confidential' }),
        update: noop,
        errors: { reporterName: { key: 'identity.name_required' } },
      }),
    )
    expect(html).toMatch(
      /<input id="lp-reporterName"[^>]*aria-describedby="lp-reporterName-error" aria-invalid="true"/,
    )
    expect(html).toContain('Tulis nama Anda, atau pilih Anonim.')
  })
})

describe('receipt', () => {
  const result = { receipt: '1234567890123456', reportNumber: 'LAP/2026/000123' }

  it('shows the grouped receipt once, with copy and download', () => {
    const html = render(createElement(ReceiptScreen, { result, onShowStatus: noop }))
    expect(html).toContain('1234 5678 9012 3456')
    expect(html).toContain('Kode ini hanya ditampilkan sekali.')
    expect(html).toContain('satu-satunya cara membuka kembali laporan Anda')
    expect(html).toContain('>Salin</button>')
    expect(html).toContain('>Unduh</button>')
    expect(html).toContain('LAP/2026/000123')
    expect(html).toContain('href="/lapor/status"')
  })

  it('writes a text file with the receipt, report number, date and status page, named without the receipt', () => {
    const text = receiptFileText(t, {
      result,
      at: new Date('2026-11-23T13:05:00Z'),
      statusUrl: 'https://netra.contoh.go.id/lapor/status',
      timeZone: 'Asia/Jakarta',
      language: 'id',
    })
    expect(text.split('\r\n')).toEqual([
      'Tanda terima laporan pelanggaran netralitas (Netra)',
      '',
      'Kode tanda terima: 1234 5678 9012 3456',
      'Nomor laporan: LAP/2026/000123',
      'Dikirim: 23 November 2026 20.05 WIB',
      'Cek status di: https://netra.contoh.go.id/lapor/status',
      '',
      (indonesian.receipt as Messages).warning as string,
      '',
    ])
    expect(receiptFileName(result.reportNumber)).toBe('tanda-terima-laporan-LAP-2026-000123.txt')
  })
})

describe('StatusPage', () => {
  it('asks for the receipt with a label and a hint, and nothing in the address', () => {
    const html = render(createElement(StatusPage))
    expect(html).toMatch(/<label class="lp-label" for="lp-receipt">Kode tanda terima/)
    const input = /<input[^>]*id="lp-receipt"[^>]*>/.exec(html)?.[0] ?? ''
    expect(input).toContain('aria-describedby="lp-receipt-hint"')
    expect(input).toContain('autoComplete="off"')
    expect(input).toContain('inputMode="numeric"')
    expect(html).toContain('16 angka; spasi atau tanda hubung boleh.')
  })
})
