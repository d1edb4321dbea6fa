import type { RouteRecordRaw } from 'vue-router'
import { menuGroups, type MenuGroup } from './routes'

export interface MenuItem {
  name: string
  path: string
  title: string
  icon?: string
}

export interface MenuSection {
  group: MenuGroup
  items: MenuItem[]
}

/**
 * The sidebar for a user: only items whose permission the user holds, only non-empty groups.
 * `unitKind` is the kind of the user's unit: an item meant for schools only (`meta.unit`
 * 'school') or for the others only ('other') shows accordingly; without it, both show.
 */
export function buildMenu(
  children: RouteRecordRaw[],
  can: (perm: string | string[] | undefined) => boolean,
  unitKind?: string,
): MenuSection[] {
  const sections: MenuSection[] = []
  for (const group of menuGroups) {
    const items: MenuItem[] = []
    for (const r of children) {
      if (r.meta?.group !== group || !can(r.meta.perm)) continue
      if (unitKind !== undefined && r.meta.unit && (r.meta.unit === 'school') !== (unitKind === 'school')) continue
      items.push({
        name: String(r.name),
        path: '/' + r.path,
        title: r.meta.title ?? String(r.name),
        icon: r.meta.icon,
      })
    }
    if (items.length > 0) sections.push({ group, items })
  }
  return sections
}
