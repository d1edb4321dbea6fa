import { describe, expect, it } from 'vitest'
import zh from '@/i18n/locales/zh-CN/org'
import en from '@/i18n/locales/en-US/org'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('org locale files', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    expect(keys(zh).length).toBeGreaterThan(50)
  })
})
