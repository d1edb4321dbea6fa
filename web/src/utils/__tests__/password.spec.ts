import { describe, expect, it } from 'vitest'
import { checkPasswordStrength } from '../password'

describe('password check', () => {
  it('follows the default policy', () => {
    expect(checkPasswordStrength('', 'li')).toBe('empty')
    expect(checkPasswordStrength('Ab1!', 'li')).toBe('short')
    expect(checkPasswordStrength('abcdefgh1', 'li')).toBe('classes')
    expect(checkPasswordStrength('Zhangsan#2026', 'zhangsan')).toBe('username')
    expect(checkPasswordStrength('Xiao-an#2026', 'zhangsan')).toBeNull()
  })
})
