import { describe, expect, it } from 'vitest'
import { ancestryOf, canMoveUnder, childPath, depthOf, isWithin, rebasePath, rootPath } from './unit-tree.js'

const dinas = childPath(rootPath, 'dinas')
const bidang = childPath(dinas, 'bidang')
const sekolah = childPath(bidang, 'sd1')

describe('unit paths', () => {
  it('builds paths and reads ancestry and depth from them', () => {
    expect(sekolah).toBe('/dinas/bidang/sd1/')
    expect(ancestryOf(sekolah)).toEqual(['dinas', 'bidang', 'sd1'])
    expect(depthOf(dinas)).toBe(0)
    expect(depthOf(sekolah)).toBe(2)
  })

  it('tells a subtree apart from a sibling whose id starts the same', () => {
    expect(isWithin(sekolah, dinas)).toBe(true)
    expect(isWithin(childPath(rootPath, 'dinas2'), dinas)).toBe(false)
  })

  it('refuses to move a unit under itself or its descendants', () => {
    expect(canMoveUnder(bidang, sekolah)).toBe(false)
    expect(canMoveUnder(bidang, bidang)).toBe(false)
    expect(canMoveUnder(bidang, childPath(rootPath, 'other'))).toBe(true)
    expect(canMoveUnder(bidang, null)).toBe(true)
  })

  it('rebases descendants after a move', () => {
    const other = childPath(rootPath, 'other')
    expect(rebasePath(sekolah, bidang, childPath(other, 'bidang'))).toBe('/other/bidang/sd1/')
    expect(rebasePath(dinas, bidang, '/x/')).toBe(dinas)
  })
})
