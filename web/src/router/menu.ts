import type { RouteRecordRaw } from 'vue-router'
import { menuGroups, type MenuGroup, type MenuRule, type UnitRule } from './routes'

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

/** Whether a menu item meant for `unit` (meta.unit) shows to a user of a unit of kind `kind`. */
export function forUnit(unit: UnitRule, kind: string): boolean {
  if (unit === 'school') return kind === 'school'
  if (unit === 'bureau') return kind !== 'school' && kind !== 'department'
  if (unit === 'office') return kind === 'bureau' || kind === 'section'
  if (unit === 'target') return kind === 'school' || kind === 'section'
  return kind !== 'school'
}

/**
 * Whether a menu rule applies to a user: one who holds none of its `without`, and — when the rule
 * names a unit and the user's unit kind is known — of such a unit.
 */
export function ruleApplies(
  rule: MenuRule | undefined,
  can: (perm: string | string[] | undefined) => boolean,
  unitKind?: string,
): boolean {
  if (!rule || rule.without.length === 0) return false
  if (can(rule.without)) return false
  if (rule.unit) return unitKind !== undefined && forUnit(rule.unit, unitKind)
  return true
}

/**
 * The sidebar for a user: only items whose permission the user holds, only non-empty groups.
 * `unitKind` is the kind of the user's unit: an item meant for schools only (`meta.unit`
 * 'school'), for the others only ('other'), for the education units above the schools only
 * ('bureau'), for the bureaus' own offices only ('office') or for the units the bureau deploys work
 * to only ('target': schools and sections) shows accordingly; without it, all show. An item's
 * `menuHide` rule leaves it out for the users it applies to, its `menuTitle` rule renames it for
 * them.
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
      if (unitKind !== undefined && r.meta.unit && !forUnit(r.meta.unit, unitKind)) continue
      if (ruleApplies(r.meta.menuHide, can, unitKind)) continue
      const rename = r.meta.menuTitle && ruleApplies(r.meta.menuTitle, can, unitKind) ? r.meta.menuTitle : undefined
      const renamed = rename?.title
      items.push({
        name: String(r.name),
        path: '/' + r.path + (rename?.query ? '?' + rename.query : ''),
        title: renamed ?? r.meta.title ?? String(r.name),
        icon: r.meta.icon,
      })
    }
    if (items.length > 0) sections.push({ group, items })
  }
  return sections
}
