/**
 * Where an import spends its time, for the benchmark (`npm run bench -- import`) and for finding the next
 * bottleneck. Milliseconds per activity; reading and validating run while the previous batch is written, so the
 * activities overlap and their sum exceeds the wall time. `waitForWriter` is how long reading stood still because
 * the database had not finished the previous batch (the database is the bottleneck when it is large).
 */
export const importActivities = [
  'read',
  'validate',
  'resolve',
  'plan',
  'waitForWriter',
  'writeEmployees',
  'writeTokens',
  'superiors',
  'audit',
  'commit',
] as const
export type ImportActivity = (typeof importActivities)[number]
export type ImportProfile = Record<ImportActivity, number>

export const emptyImportProfile = (): ImportProfile =>
  Object.fromEntries(importActivities.map((activity) => [activity, 0])) as ImportProfile

/** Adds up the time of activities into a profile (a throw-away one when the caller wants none). */
export class ActivityClock {
  constructor(readonly profile: ImportProfile = emptyImportProfile()) {}

  add(activity: ImportActivity, since: number): void {
    this.profile[activity] += performance.now() - since
  }

  async time<T>(activity: ImportActivity, work: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await work()
    } finally {
      this.add(activity, started)
    }
  }
}
