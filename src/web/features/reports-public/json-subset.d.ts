/**
 * `…/id.json?reports-public`: the shared translation file imported under its own module id, so the light public
 * bundle tree-shakes it down to the `reportsPublic` key instead of sharing the staff app's whole copy.
 */
declare module '*.json?reports-public' {
  type Messages = { readonly [key: string]: string | Messages }
  export const reportsPublic: Messages
}
