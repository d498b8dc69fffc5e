/** Largest accepted spreadsheet upload (a 50 MB spreadsheet with room to spare); received by src/platform/uploads.ts. */
export const maxUploadBytes = 60 * 1024 * 1024
