/**
 * Puts focus on the first field (in reading order) that has an error, so keyboard and screen-reader users land
 * on what needs fixing instead of on a button far below it.
 */
export function focusFirstError(
  getInputNode: (path: string) => HTMLElement | null,
  errors: Readonly<Record<string, unknown>>,
  fieldOrder: readonly string[],
): void {
  const first = fieldOrder.find((field) => Boolean(errors[field]))
  if (first) getInputNode(first)?.focus()
}
