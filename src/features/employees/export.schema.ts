/** Export of the employee list: the list's own filters, plus the file format. */
import { z } from 'zod'
import { ListEmployeesQuery } from './employees.schema.js'

export const exportFormats = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof exportFormats)[number]

export const ExportEmployeesQuery = ListEmployeesQuery.omit({
  page: true,
  pageSize: true,
  sort: true,
}).extend({
  format: z.enum(exportFormats).default('xlsx'),
  /** CSV only: `semicolon` for Excel set to Indonesian regional settings. */
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
})
export type ExportEmployeesQuery = z.infer<typeof ExportEmployeesQuery>
