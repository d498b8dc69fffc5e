/**
 * Every NIP of an import file with its row, its superior's NIP and, once its row is planned, the employee id it
 * is written under — in typed arrays (about 40 bytes a row instead of several hundred for maps of strings), so a
 * file of a million rows keeps this index in ~45 MB. An open-addressing hash on the NIP finds the first row holding
 * a NIP while the file is still being read: repeated NIPs and superiors met earlier are known at once.
 */

/** An 18-digit NIP as two 9-digit halves (each fits an Int32). */
export const nipHalves = (nip: string): [number, number] => {
  let hi = 0
  let lo = 0
  for (let i = 0; i < 9; i++) hi = hi * 10 + nip.charCodeAt(i) - 48
  for (let i = 9; i < 18; i++) lo = lo * 10 + nip.charCodeAt(i) - 48
  return [hi, lo]
}

const nipOfHalves = (hi: number, lo: number): string =>
  `${String(hi).padStart(9, '0')}${String(lo).padStart(9, '0')}`

const hashOf = (hi: number, lo: number): number => Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Canonical UUIDs as four 32-bit words (a fresh UUID string is a chain of pieces, heavy to keep); others as is. */
class IdStore {
  words = new Int32Array(0)
  private readonly others = new Map<number, string>()

  grow(capacity: number): void {
    const next = new Int32Array(capacity * 4)
    next.set(this.words)
    this.words = next
  }

  set(entry: number, id: string): void {
    if (!uuidPattern.test(id)) {
      this.others.set(entry, id)
      return
    }
    // Hex digits at 0–7, 9–12 + 14–17, 19–22 + 24–27, 28–35 (dashes at 8, 13, 18, 23).
    const at = entry * 4
    this.words[at] = Number.parseInt(id.slice(0, 8), 16) | 0
    this.words[at + 1] = Number.parseInt(id.slice(9, 13) + id.slice(14, 18), 16) | 0
    this.words[at + 2] = Number.parseInt(id.slice(19, 23) + id.slice(24, 28), 16) | 0
    this.words[at + 3] = Number.parseInt(id.slice(28, 36), 16) | 0
  }

  get(entry: number): string {
    const other = this.others.get(entry)
    if (other !== undefined) return other
    let hex = ''
    for (let word = 0; word < 4; word++)
      hex += ((this.words[entry * 4 + word] ?? 0) >>> 0).toString(16).padStart(8, '0')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }
}

const planned = 1
const superiorDeferred = 2

export class NipTable {
  private capacity = 1024
  count = 0
  hi = new Int32Array(this.capacity)
  lo = new Int32Array(this.capacity)
  row = new Int32Array(this.capacity)
  /** The superior's NIP, or -1 in `supHi` when the row names none. */
  supHi = new Int32Array(this.capacity)
  supLo = new Int32Array(this.capacity)
  private flags = new Uint8Array(this.capacity)
  private readonly ids = new IdStore()
  /** Hash slots: entry + 1 of the first row holding a NIP, 0 when free. */
  private slots = new Int32Array(this.capacity * 2)

  constructor() {
    this.ids.grow(this.capacity)
  }

  /**
   * Adds a row's NIP (every row with a well-formed NIP, valid or not) and returns its entry, with the entry of the
   * first row holding the same NIP when this one repeats it (else -1).
   */
  add(nip: string, row: number, superiorNip: string | null): { entry: number; first: number } {
    if (this.count === this.capacity) this.grow()
    const entry = this.count
    const [hi, lo] = nipHalves(nip)
    this.hi[entry] = hi
    this.lo[entry] = lo
    this.row[entry] = row
    if (superiorNip) {
      const [supHi, supLo] = nipHalves(superiorNip)
      this.supHi[entry] = supHi
      this.supLo[entry] = supLo
    } else this.supHi[entry] = -1
    this.count += 1
    const slot = this.slotOf(hi, lo)
    const first = (this.slots[slot] ?? 0) - 1
    if (first === -1) this.slots[slot] = entry + 1
    return { entry, first }
  }

  /** The slot holding this NIP, or the free slot where it would go. */
  private slotOf(hi: number, lo: number): number {
    const mask = this.slots.length - 1
    for (let slot = hashOf(hi, lo) & mask; ; slot = (slot + 1) & mask) {
      const held = (this.slots[slot] ?? 0) - 1
      if (held === -1 || (this.hi[held] === hi && this.lo[held] === lo)) return slot
    }
  }

  private grow(): void {
    this.capacity *= 2
    const larger = <T extends Int32Array | Uint8Array>(old: T, make: (size: number) => T): T => {
      const next = make(this.capacity)
      next.set(old)
      return next
    }
    const int32 = (size: number) => new Int32Array(size)
    this.hi = larger(this.hi, int32)
    this.lo = larger(this.lo, int32)
    this.row = larger(this.row, int32)
    this.supHi = larger(this.supHi, int32)
    this.supLo = larger(this.supLo, int32)
    this.flags = larger(this.flags, (size) => new Uint8Array(size))
    this.ids.grow(this.capacity)
    // Keep the load at most one half: rehash the first entry of every NIP.
    this.slots = new Int32Array(this.capacity * 2)
    const mask = this.slots.length - 1
    for (let entry = 0; entry < this.count; entry++) {
      const hi = this.hi[entry] ?? 0
      const lo = this.lo[entry] ?? 0
      let slot = hashOf(hi, lo) & mask
      let taken = false
      for (;;) {
        const held = (this.slots[slot] ?? 0) - 1
        if (held === -1) break
        if (this.hi[held] === hi && this.lo[held] === lo) {
          taken = true
          break
        }
        slot = (slot + 1) & mask
      }
      if (!taken) this.slots[slot] = entry + 1
    }
  }

  /** The entry of the first row holding this NIP, or -1. */
  find(hi: number, lo: number): number {
    return (this.slots[this.slotOf(hi, lo)] ?? 0) - 1
  }

  findNip(nip: string): number {
    const [hi, lo] = nipHalves(nip)
    return this.find(hi, lo)
  }

  nip(entry: number): string {
    return nipOfHalves(this.hi[entry] ?? 0, this.lo[entry] ?? 0)
  }

  superiorNip(entry: number): string | null {
    const hi = this.supHi[entry] ?? -1
    return hi < 0 ? null : nipOfHalves(hi, this.supLo[entry] ?? 0)
  }

  /** The in-file entry of the superior of `entry` (first row with that NIP); -1 when outside the file or none. */
  superiorEntry(entry: number): number {
    const hi = this.supHi[entry] ?? -1
    return hi < 0 ? -1 : this.find(hi, this.supLo[entry] ?? 0)
  }

  /** Records the employee id a row is written under (its row is planned: written in order from here on). */
  setPlanned(entry: number, id: string): void {
    this.ids.set(entry, id)
    this.flags[entry] = (this.flags[entry] ?? 0) | planned
  }

  /** The id of a planned row, else null. */
  plannedId(entry: number): string | null {
    return ((this.flags[entry] ?? 0) & planned) !== 0 ? this.ids.get(entry) : null
  }

  /** Marks a row whose superior is set after every row is written (it was not written before this row). */
  deferSuperior(entry: number): void {
    this.flags[entry] = (this.flags[entry] ?? 0) | superiorDeferred
  }

  isSuperiorDeferred(entry: number): boolean {
    return ((this.flags[entry] ?? 0) & superiorDeferred) !== 0
  }
}
