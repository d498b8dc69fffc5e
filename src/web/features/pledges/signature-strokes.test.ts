import { describe, expect, it } from 'vitest'
import { extendStroke, scaleStrokes, startStroke, undoStroke } from './signature-strokes'

describe('signature strokes', () => {
  it('draws strokes point by point and takes the last one back on undo', () => {
    let strokes = startStroke([], { x: 0, y: 0 })
    strokes = extendStroke(strokes, { x: 10, y: 0 })
    strokes = startStroke(strokes, { x: 0, y: 20 })
    strokes = extendStroke(strokes, { x: 0, y: 30 })
    expect(strokes).toEqual([
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      [
        { x: 0, y: 20 },
        { x: 0, y: 30 },
      ],
    ])
    expect(undoStroke(strokes)).toEqual([strokes[0]])
    expect(undoStroke([])).toEqual([])
  })

  it('skips points too close to the previous one', () => {
    const strokes = extendStroke(startStroke([], { x: 5, y: 5 }), { x: 5.5, y: 5.5 })
    expect(strokes).toEqual([[{ x: 5, y: 5 }]])
  })

  it('scales the drawing with the width of the pad', () => {
    expect(scaleStrokes([[{ x: 10, y: 4 }]], 0.5)).toEqual([[{ x: 5, y: 2 }]])
    expect(scaleStrokes([[{ x: 10, y: 4 }]], 0)).toEqual([[{ x: 10, y: 4 }]])
  })
})
