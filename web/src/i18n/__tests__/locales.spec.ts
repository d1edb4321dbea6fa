import { describe, expect, it } from 'vitest'
import zhCN from '../locales/zh-CN'
import enUS from '../locales/en-US'

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix]
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('locales', () => {
  it('en-US has exactly the keys of zh-CN', () => {
    const zh = keys(zhCN).sort()
    const en = keys(enUS).sort()
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
  })

  it('has no empty strings', () => {
    const empty = (m: unknown) =>
      keys(m).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) === '')
    expect(empty(zhCN)).toEqual([])
    expect(empty(enUS)).toEqual([])
  })

  it('gives every menu group a label', async () => {
    const { menuGroups } = await import('@/router/routes')
    for (const g of menuGroups) {
      expect(zhCN.menu.groups[g]).toBeTruthy()
      expect(enUS.menu.groups[g]).toBeTruthy()
    }
  })
})
