import { z } from 'zod'

export const HealthView = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['sqlite', 'postgres']),
  version: z.string(),
})
export type HealthView = z.infer<typeof HealthView>
