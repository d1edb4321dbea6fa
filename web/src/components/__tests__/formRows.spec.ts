// The rows of a list edited with FormRows: each keyed, and rows read again keeping the keys of the
// rows they replace.
import { describe, expect, it } from 'vitest'
import { keepKeys, keyed } from '@/components/formRows'

describe('formRows', () => {
  it('gives each row a key of its own', () => {
    const a = keyed({ name: '甲' })
    const b = keyed({ name: '甲' })
    expect(a.name).toBe('甲')
    expect(a.uid).not.toBe(b.uid)
  })

  it('keeps the keys row by row when the rows are read again; a row more gets its own', () => {
    const before = [keyed({ name: '甲' }), keyed({ name: '乙' })]
    const after = [keyed({ name: '甲' }), keyed({ name: '乙' }), keyed({ name: '丙' })]
    const third = after[2].uid
    expect(keepKeys(before, after)).toBe(after)
    expect(after.map((r) => r.uid)).toEqual([before[0].uid, before[1].uid, third])
  })
})
