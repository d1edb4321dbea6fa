// Pure helpers that turn the flat region and unit lists into the trees the organisation page shows.
import type { Region, Unit } from '@/api/org'

export type TreeRow<T> = T & { children?: TreeRow<T>[] }

/**
 * Builds a forest from a flat list. An item whose parent is not in the list (outside the
 * caller's data scope, or a root) becomes a root. Leaves have no `children` property, so a tree
 * table shows no expander for them. Siblings keep the order of the input.
 */
export function buildTree<T extends object, K extends string | number>(
  items: readonly T[],
  keyOf: (item: T) => K,
  parentOf: (item: T) => K | null,
  compare?: (a: T, b: T) => number,
): TreeRow<T>[] {
  const rows = new Map<K, TreeRow<T>>()
  for (const item of items) rows.set(keyOf(item), { ...item } as TreeRow<T>)
  const roots: TreeRow<T>[] = []
  for (const item of items) {
    const row = rows.get(keyOf(item))!
    const parentKey = parentOf(item)
    const parent = parentKey === null || parentKey === keyOf(item) ? undefined : rows.get(parentKey)
    if (parent && !isAncestor(row, parent, rows, keyOf, parentOf)) {
      ;(parent.children ??= []).push(row)
    } else {
      roots.push(row)
    }
  }
  if (compare) sortForest(roots, compare)
  return roots
}

/** Sorts every level in place (Array.prototype.sort is stable: ties keep the input order). */
function sortForest<T>(rows: TreeRow<T>[], compare: (a: T, b: T) => number): void {
  rows.sort(compare)
  for (const r of rows) if (r.children) sortForest(r.children, compare)
}

/** Guards against a cycle in bad data: is `candidate` below `row` already? */
function isAncestor<T, K extends string | number>(
  row: T,
  candidate: T,
  rows: Map<K, TreeRow<T>>,
  keyOf: (item: T) => K,
  parentOf: (item: T) => K | null,
): boolean {
  const target = keyOf(row)
  let cur: T | undefined = candidate
  const seen = new Set<K>()
  while (cur) {
    const k = keyOf(cur)
    if (k === target) return true
    if (seen.has(k)) return false
    seen.add(k)
    const p = parentOf(cur)
    cur = p === null ? undefined : rows.get(p)
  }
  return false
}

export function buildRegionTree(regions: readonly Region[]): TreeRow<Region>[] {
  return buildTree(regions, (r) => r.code, (r) => r.parent_code)
}

/** Under a bureau: sub-bureaus, sections, clusters, then schools (departments last). */
const kindRank: Record<Unit['kind'], number> = { bureau: 0, section: 1, cluster: 2, school: 3, department: 4 }

/**
 * The unit tree. `clusterOf` maps a school's id to its cluster (学区, from the school list's
 * `cluster_id`): a school with a cluster in the list hangs under that cluster, a school without
 * one (or whose cluster is outside the list) stays under its parent, the bureau.
 */
export function buildUnitTree(units: readonly Unit[], clusterOf?: ReadonlyMap<number, number | null | undefined>): TreeRow<Unit>[] {
  const clusters = new Set(units.filter((u) => u.kind === 'cluster').map((u) => u.id))
  const parentOf = (u: Unit): number | null => {
    if (u.kind === 'school' && clusterOf) {
      const c = clusterOf.get(u.id)
      if (c != null && clusters.has(c)) return c
    }
    return u.parent_id
  }
  return buildTree(units, (u) => u.id, parentOf, (a, b) => kindRank[a.kind] - kindRank[b.kind])
}

/** School id → cluster id, from school records that carry `cluster_id`. */
export function clusterMap(schools: readonly { id: number; cluster_id?: number | null }[]): Map<number, number | null> {
  return new Map(schools.map((s) => [s.id, s.cluster_id ?? null]))
}

export interface FilteredTree<T> {
  rows: TreeRow<T>[]
  /** Keys of the rows to expand so that every match is visible. */
  expand: (string | number)[]
  matches: number
}

/**
 * Keeps the rows that match and their ancestors (a matching row's children stay only when they
 * match too). Returns the ancestors to expand.
 */
export function filterTree<T>(
  rows: readonly TreeRow<T>[],
  match: (row: T) => boolean,
  keyOf: (row: T) => string | number,
): FilteredTree<T> {
  const expand: (string | number)[] = []
  let matches = 0
  function walk(list: readonly TreeRow<T>[]): TreeRow<T>[] {
    const out: TreeRow<T>[] = []
    for (const row of list) {
      const kids = row.children ? walk(row.children) : []
      const self = match(row)
      if (self) matches++
      if (!self && kids.length === 0) continue
      const copy: TreeRow<T> = { ...row }
      if (kids.length > 0) {
        copy.children = kids
        expand.push(keyOf(row))
      } else {
        delete copy.children
      }
      out.push(copy)
    }
    return out
  }
  const result = walk(rows)
  return { rows: result, expand, matches }
}

/** Number of rows in a forest. */
export function countRows<T>(rows: readonly TreeRow<T>[]): number {
  let n = 0
  for (const r of rows) n += 1 + (r.children ? countRows(r.children) : 0)
  return n
}

/** Keys of the rows down to `depth` levels (1 = the roots), for a sensible first expansion. */
export function keysToDepth<T>(rows: readonly TreeRow<T>[], keyOf: (row: T) => string | number, depth: number): (string | number)[] {
  const out: (string | number)[] = []
  function walk(list: readonly TreeRow<T>[], level: number): void {
    if (level > depth) return
    for (const r of list) {
      if (r.children?.length) {
        out.push(keyOf(r))
        walk(r.children, level + 1)
      }
    }
  }
  walk(rows, 1)
  return out
}

/** A case-insensitive "name or code contains" test. */
export function textMatch(needle: string, ...hay: (string | null | undefined)[]): boolean {
  const n = needle.trim().toLowerCase()
  if (!n) return true
  return hay.some((h) => (h ?? '').toLowerCase().includes(n))
}

/** Region codes whose parent may be given to a new region with this code (GB/T 2260 levels). */
export function regionLevelOf(code: string): 'province' | 'city' | 'county' | null {
  if (!/^[0-9]{6}$/.test(code) || code.startsWith('00')) return null
  if (code.endsWith('0000')) return 'province'
  if (code.endsWith('00')) return 'city'
  return 'county'
}

/**
 * The parent a new region with this code should have among the known regions: none for a
 * province; the province for a city; the city, else the province (省直辖县级) for a county.
 */
export function suggestRegionParent(code: string, regions: readonly Region[]): string | null {
  const level = regionLevelOf(code)
  if (level === null || level === 'province') return null
  const province = code.slice(0, 2) + '0000'
  const city = code.slice(0, 4) + '00'
  const has = (c: string) => regions.some((r) => r.code === c)
  if (level === 'city') return has(province) ? province : null
  if (has(city)) return city
  return has(province) ? province : null
}
