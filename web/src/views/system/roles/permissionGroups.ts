// Groups permissions for the role editor (pure; unit-tested in __tests__/permissionGroups.spec.ts).
import type { PermissionEntry } from '@/api/dictionaries'

export interface PermissionItem {
  code: string
  label: string
}

export interface PermissionGroup {
  /** The dictionary's group name (e.g. 学校), or the capability (`school`) when unknown. */
  name: string
  items: PermissionItem[]
}

/** `school:write` → `school`. */
export function capabilityOf(code: string): string {
  const i = code.indexOf(':')
  return i > 0 ? code.slice(0, i) : code
}

/**
 * Every permission of the dictionary, grouped by its `group` in the dictionary's order (groups in
 * the order they first appear, items in dictionary order), followed by `extra` codes the
 * dictionary does not know (e.g. a role holds a permission the loaded dictionary lacks, or the
 * dictionary could not be loaded) — those go to the group of a dictionary entry with the same
 * capability, else to a group named after the capability. Duplicates are dropped.
 */
export function groupPermissions(
  dictionary: readonly PermissionEntry[],
  extra: readonly string[] = [],
  labelOf: (code: string) => string = (c) => c,
): PermissionGroup[] {
  const groups: PermissionGroup[] = []
  const byName = new Map<string, PermissionGroup>()
  const groupOfCapability = new Map<string, string>()
  const seen = new Set<string>()

  const add = (groupName: string, item: PermissionItem): void => {
    let g = byName.get(groupName)
    if (!g) {
      g = { name: groupName, items: [] }
      byName.set(groupName, g)
      groups.push(g)
    }
    g.items.push(item)
  }

  for (const e of dictionary) {
    if (seen.has(e.code)) continue
    seen.add(e.code)
    const name = e.group || capabilityOf(e.code)
    if (!groupOfCapability.has(capabilityOf(e.code))) groupOfCapability.set(capabilityOf(e.code), name)
    add(name, { code: e.code, label: e.label || labelOf(e.code) })
  }
  for (const code of extra) {
    if (!code || seen.has(code)) continue
    seen.add(code)
    const cap = capabilityOf(code)
    add(groupOfCapability.get(cap) ?? cap, { code, label: labelOf(code) })
  }
  return groups
}

export interface GroupCheckState {
  /** Every permission of the group is selected. */
  all: boolean
  /** Some but not all are selected. */
  indeterminate: boolean
  count: number
}

export function groupState(group: PermissionGroup, selected: readonly string[]): GroupCheckState {
  const set = new Set(selected)
  const count = group.items.filter((i) => set.has(i.code)).length
  return {
    all: group.items.length > 0 && count === group.items.length,
    indeterminate: count > 0 && count < group.items.length,
    count,
  }
}

/** The selection with every permission of `group` added (on) or removed (off), order kept. */
export function toggleGroup(selected: readonly string[], group: PermissionGroup, on: boolean): string[] {
  const codes = group.items.map((i) => i.code)
  if (!on) return selected.filter((c) => !codes.includes(c))
  const out = [...selected]
  for (const c of codes) if (!out.includes(c)) out.push(c)
  return out
}

/** Sorts a selection into the order of the groups (what the server gets and stores). */
export function orderedSelection(groups: readonly PermissionGroup[], selected: readonly string[]): string[] {
  const set = new Set(selected)
  const ordered: string[] = []
  for (const g of groups) for (const i of g.items) if (set.has(i.code)) ordered.push(i.code)
  for (const c of selected) if (!ordered.includes(c)) ordered.push(c)
  return ordered
}

const roleCodePattern = /^[a-z0-9_]{3,40}$/

export function validRoleCode(code: string): boolean {
  return roleCodePattern.test(code)
}
