import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../domain/errors'
import { clientErrorCodes } from '../api/client'
import en from './en.json'
import id from './id.json'

type Tree = { readonly [key: string]: string | Tree }

/** Every leaf key as `a.b.c`. */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  )
}

// Plural forms differ by language (Indonesian has only `other`, English `one` and `other`), so keys are
// compared without their plural suffix; each plural key must still have an `_other` form in every language.
const pluralSuffix = /_(zero|one|two|few|many|other)$/
const baseKey = (key: string) => key.replace(pluralSuffix, '')

function lookup(tree: Tree, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined),
      tree,
    )
}

const files = { id: id as Tree, en: en as Tree }

describe('translation files', () => {
  const idKeys = new Set(leafKeys(files.id).map(baseKey))
  const enKeys = new Set(leafKeys(files.en).map(baseKey))

  it('has no key in id.json that en.json lacks', () => {
    expect([...idKeys].filter((key) => !enKeys.has(key))).toEqual([])
  })

  it('has no key in en.json that id.json lacks', () => {
    expect([...enKeys].filter((key) => !idKeys.has(key))).toEqual([])
  })

  it.each(Object.entries(files))('gives every plural key an _other form in %s', (_language, tree) => {
    const plurals = new Set(
      leafKeys(tree)
        .filter((key) => pluralSuffix.test(key))
        .map(baseKey),
    )
    expect([...plurals].filter((key) => typeof lookup(tree, `${key}_other`) !== 'string')).toEqual([])
  })

  it.each(Object.entries(files))('explains every server error code in %s', (_language, tree) => {
    const missing = [...errorCodes, ...clientErrorCodes].filter((code) => {
      const message = lookup(tree, `errors.${code}`)
      return typeof message !== 'string' || message.trim() === ''
    })
    expect(missing).toEqual([])
  })

  it.each(Object.entries(files))(
    'leaves no message empty in %s except the "no notice" placeholder',
    (_language, tree) => {
      const empty = leafKeys(tree).filter(
        (key) => lookup(tree, key) === '' && key !== 'auth.login.notice.none',
      )
      expect(empty).toEqual([])
    },
  )
})

describe('sentences ending with a name', () => {
  it('do not get a second period after a title that has one', async () => {
    const { i18next } = await import('./i18n')
    const text = i18next.t('employees.superior.done', {
      lng: 'id',
      name: 'Adi Budiman, S.Sos.',
      superior: 'Adi Batubara, S.Si., M.H.',
    })
    expect(text).toBe('Atasan langsung Adi Budiman, S.Sos. sekarang Adi Batubara, S.Si., M.H.')
    expect(i18next.t('employees.superior.done', { lng: 'id', name: 'Adi', superior: 'Budi' })).toBe(
      'Atasan langsung Adi sekarang Budi.',
    )
  })
})
