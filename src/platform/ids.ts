import { uuidv7 } from 'uuidv7'

/** Time-ordered UUIDv7, lower-case text: sortable by creation and unique across nodes. */
export const newId = (): string => uuidv7()
