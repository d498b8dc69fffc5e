import 'i18next'
import type id from './id.json'

// Keys are checked at compile time against the Indonesian file (the default); i18n.test.ts keeps en.json in step.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof id }
    returnNull: false
  }
}
