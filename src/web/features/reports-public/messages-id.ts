/** The Indonesian messages of the public report pages (only this key of id.json; see json-subset.d.ts). */
export { reportsPublic } from '../../i18n/id.json?reports-public'
