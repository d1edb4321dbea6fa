import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { menuIcons } from '../menuIcons'
import { routes } from '../routes'

function iconsOf(list: readonly RouteRecordRaw[]): string[] {
  return list.flatMap((r) => [...(r.meta?.icon ? [r.meta.icon] : []), ...iconsOf(r.children ?? [])])
}

describe('menu icons', () => {
  it('registers every icon a route names, and the menu fallbacks', () => {
    const named = iconsOf(routes)
    expect(named.length).toBeGreaterThan(20)
    const missing = [...named, 'Menu', 'Document'].filter((name) => !(name in menuIcons))
    expect(missing).toEqual([])
  })

  it('registers components, not names', () => {
    for (const [name, icon] of Object.entries(menuIcons)) expect(typeof icon, name).toBe('object')
  })
})
