/** The domain never reads the time itself; callers pass instants from a Clock so tests control time. */
export interface Clock {
  now(): Date
}
