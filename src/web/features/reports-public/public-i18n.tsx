/**
 * Translation for the light public bundle, without i18next: the `reportsPublic` part of the shared translation
 * files and a small `t()` with i18next's `{{name}}` interpolation and `_one`/`_other` plural keys. The entry
 * (src/web/public/main.tsx) hands in the Indonesian messages and a loader for English, which is a separate
 * chunk fetched only when chosen. The choice is shared with the staff app (same storage key).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

export type Language = 'id' | 'en'
export type Messages = { readonly [key: string]: string | Messages }
export type Params = Readonly<Record<string, string | number>>
export type Translate = (key: string, params?: Params) => string

const storageKey = 'netra.language'

export function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(storageKey) === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language)
  } catch {
    // Not remembered; the switch still works for this visit.
  }
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** `t` over one message tree; unknown keys fall back to the `fallback` tree (Indonesian), then to the key. */
export function createTranslator(
  messages: Messages,
  language: Language,
  fallback: Messages = messages,
): Translate {
  const plural = new Intl.PluralRules(language)
  const find = (key: string) => lookup(messages, key) ?? lookup(fallback, key)
  return (key, params) => {
    let text: string | undefined
    if (params && typeof params.count === 'number')
      text = find(`${key}_${plural.select(params.count)}`) ?? find(`${key}_other`)
    text ??= find(key)
    if (text === undefined) return key
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) =>
      params?.[name] !== undefined ? String(params[name]) : '',
    )
  }
}

interface I18nValue {
  readonly language: Language
  readonly t: Translate
  readonly setLanguage: (language: Language) => Promise<void>
}

const I18nContext = createContext<I18nValue>({
  language: 'id',
  t: createTranslator({}, 'id'),
  setLanguage: async () => {},
})

export interface I18nProviderProps {
  readonly language: Language
  /** Messages of `language`. */
  readonly messages: Messages
  /** Indonesian: used for keys a language lacks, and when switching back to Indonesian. */
  readonly fallback: Messages
  /** Fetches the messages of another language (English). */
  readonly load: (language: Language) => Promise<Messages>
  readonly children: ReactNode
}

export function I18nProvider({
  language: initial,
  messages: initialMessages,
  fallback,
  load,
  children,
}: I18nProviderProps) {
  const [current, setCurrent] = useState({ language: initial, messages: initialMessages })
  const setLanguage = useCallback(
    async (language: Language) => {
      const messages = language === 'id' ? fallback : await load(language)
      setCurrent({ language, messages })
      document.documentElement.lang = language
      rememberLanguage(language)
    },
    [fallback, load],
  )
  const value = useMemo<I18nValue>(
    () => ({
      language: current.language,
      t: createTranslator(current.messages, current.language, fallback),
      setLanguage,
    }),
    [current, fallback, setLanguage],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export const useI18n = () => useContext(I18nContext)
