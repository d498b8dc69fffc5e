/** The English messages of the public report pages, loaded only when someone chooses English. */
export { reportsPublic } from '../../i18n/en.json?reports-public'
