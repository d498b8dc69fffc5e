/** The drawing of a signature as strokes (lists of points in CSS pixels), with undo: no React, no canvas. */
export interface Point {
  readonly x: number
  readonly y: number
}

export type Stroke = readonly Point[]

/** Starts a stroke at a point. */
export const startStroke = (strokes: readonly Stroke[], point: Point): Stroke[] => [...strokes, [point]]

/** Adds a point to the stroke being drawn; points closer than `minDistance` to the last one are skipped. */
export function extendStroke(strokes: readonly Stroke[], point: Point, minDistance = 1.5): Stroke[] {
  const last = strokes.at(-1)
  if (!last) return startStroke(strokes, point)
  const previous = last.at(-1)
  if (previous && Math.hypot(point.x - previous.x, point.y - previous.y) < minDistance) return [...strokes]
  return [...strokes.slice(0, -1), [...last, point]]
}

/** Takes the last stroke back. */
export const undoStroke = (strokes: readonly Stroke[]): Stroke[] => strokes.slice(0, -1)

/** Strokes scaled to a new pad width (the pad follows the width of the screen, e.g. on rotating a phone). */
export function scaleStrokes(strokes: readonly Stroke[], factor: number): Stroke[] {
  if (!Number.isFinite(factor) || factor <= 0 || factor === 1) return [...strokes]
  return strokes.map((stroke) => stroke.map((point) => ({ x: point.x * factor, y: point.y * factor })))
}
