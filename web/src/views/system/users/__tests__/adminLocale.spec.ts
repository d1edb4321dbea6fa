import { describe, expect, it } from 'vitest'
import zh from '@/i18n/locales/zh-CN/admin'
import en from '@/i18n/locales/en-US/admin'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('admin locale files', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
  it('have no empty text and no characters vue-i18n would read as syntax', () => {
    for (const [locale, file] of [['zh', zh], ['en', en]] as const) {
      const flat = keys(file)
      for (const k of flat) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], file)
        expect(typeof v === 'string' && v.length > 0, `${locale} ${k}`).toBe(true)
        expect(/[@|$]/.test(v as string), `${locale} ${k}`).toBe(false)
      }
    }
  })
})
