/**
 * i18next set-up: Indonesian first, English second. The choice is remembered in localStorage and mirrored on
 * <html lang> so screen readers pronounce the page in the right language.
 */
import i18next, { type PostProcessorModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import id from './id.json'

export const languages = ['id', 'en'] as const
export type Language = (typeof languages)[number]

const storageKey = 'netra.language'

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value)

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey)
    return isLanguage(value) ? value : 'id'
  } catch {
    // Storage can be blocked (private mode, policy); Indonesian is the default anyway.
    return 'id'
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'id'
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language)
}

// Outside a browser (unit tests of helpers that translate) there is no document to label.
const hasDocument = typeof document !== 'undefined'

i18next.on('languageChanged', (language) => {
  if (!isLanguage(language)) return
  if (hasDocument) document.documentElement.lang = language
  try {
    window.localStorage.setItem(storageKey, language)
  } catch {
    // Not remembered; the switch still works for this visit.
  }
})

/**
 * Names with titles end in a period (`Adi Batubara, S.Si., M.H.`): a sentence that ends with one must not get a
 * second period. An ellipsis (`…` or `...`) is left alone.
 */
const titlePeriod: PostProcessorModule = {
  type: 'postProcessor',
  name: 'titlePeriod',
  process: (value: string) => value.replace(/(?<!\.)\.\.(?!\.)/g, '.'),
}

void i18next
  .use(initReactI18next)
  .use(titlePeriod)
  .init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'id',
    supportedLngs: languages,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    postProcess: ['titlePeriod'],
  })
if (hasDocument) document.documentElement.lang = currentLanguage()

/** Translates a key built at run time (error codes, audit actions), or returns `fallback` when it is unknown. */
export function translateIfKnown(
  key: string,
  fallback: string,
  options: Record<string, unknown> = {},
): string {
  const resource: unknown = i18next.getResource(currentLanguage(), 'translation', key)
  if (typeof resource !== 'string') return fallback
  return i18next.t(key, options as never) as unknown as string
}

export { i18next }
