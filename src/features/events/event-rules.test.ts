import { describe, expect, it } from 'vitest'
import {
  eventTouchesScope,
  eventWithinScope,
  isTargetedPath,
  nextEventStatus,
  percentOf,
} from './event-rules.js'

const dinkes = '/a/'
const puskesmas = '/a/b/'
const disdik = '/c/'

describe('nextEventStatus', () => {
  it.each([
    ['scheduled', 'hold', 'held'],
    ['scheduled', 'cancel', 'cancelled'],
    ['held', 'cancel', null],
    ['cancelled', 'hold', null],
  ] as const)('moves %s --%s--> %s', (from, transition, to) =>
    expect(nextEventStatus(from, transition)).toBe(to),
  )
})

describe('scope rules', () => {
  it('targets everybody without target units, else the target subtrees', () => {
    expect(isTargetedPath(puskesmas, [])).toBe(true)
    expect(isTargetedPath(puskesmas, [dinkes])).toBe(true)
    expect(isTargetedPath(dinkes, [puskesmas])).toBe(false)
  })

  it('shows a unit admin agency-wide events and events overlapping their subtree', () => {
    expect(eventTouchesScope([], [puskesmas])).toBe(true)
    expect(eventTouchesScope([dinkes], [puskesmas])).toBe(true)
    expect(eventTouchesScope([puskesmas], [dinkes])).toBe(true)
    expect(eventTouchesScope([disdik], [dinkes])).toBe(false)
  })

  it('lets a unit admin manage only events entirely inside their subtree', () => {
    expect(eventWithinScope([puskesmas], [dinkes])).toBe(true)
    expect(eventWithinScope([dinkes, disdik], [dinkes])).toBe(false)
    expect(eventWithinScope([], [dinkes])).toBe(false)
    expect(eventWithinScope([], null)).toBe(true)
  })
})

describe('percentOf', () => {
  it('rounds to one decimal and gives 0 without a whole', () => {
    expect(percentOf(2, 3)).toBe(66.7)
    expect(percentOf(1, 0)).toBe(0)
  })
})
