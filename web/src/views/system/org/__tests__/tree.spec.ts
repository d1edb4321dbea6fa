import { describe, expect, it } from 'vitest'
import type { Region, Unit } from '@/api/org'
import {
  buildRegionTree,
  buildUnitTree,
  clusterMap,
  countRows,
  filterTree,
  keysToDepth,
  regionLevelOf,
  suggestRegionParent,
  textMatch,
} from '../tree'

function unit(id: number, parent_id: number | null, kind: Unit['kind'], name: string): Unit {
  return {
    id,
    parent_id,
    kind,
    name,
    code: null,
    region_code: '990102',
    path: '',
    department_kind: null,
    contact_person: '',
    phone: '',
    address: '',
    created_at: '',
    updated_at: '',
  }
}

function region(code: string, parent_code: string | null, name: string): Region {
  return { code, parent_code, name, level: regionLevelOf(code) ?? 'county', created_at: '', updated_at: '' }
}

const units = [
  unit(1, null, 'bureau', '示范区教育局'),
  unit(10, 1, 'cluster', '北部学区'),
  unit(21, 1, 'school', '双桥小学'),
  unit(2, 1, 'section', '安全科'),
  unit(51, null, 'department', '公安分局'),
  unit(99, 1234, 'school', '范围外上级的学校'),
]

describe('org trees', () => {
  it('nests units by parent and keeps orphans as roots', () => {
    const tree = buildUnitTree(units)
    expect(tree.map((u) => u.id)).toEqual([1, 99, 51]) // departments last
    // sections, clusters, then schools; the server's order within a kind
    expect(tree[0].children?.map((u) => u.id)).toEqual([2, 10, 21])
    expect(tree[0].children?.[0].children).toBeUndefined()
    expect(countRows(tree)).toBe(units.length)
  })

  it('does not loop on a cycle in bad data', () => {
    const tree = buildUnitTree([unit(1, 2, 'bureau', 'a'), unit(2, 1, 'bureau', 'b')])
    expect(countRows(tree)).toBe(2)
  })

  it('nests regions by code', () => {
    const tree = buildRegionTree([region('990000', null, '省'), region('990100', '990000', '市'), region('990102', '990100', '区')])
    expect(tree).toHaveLength(1)
    expect(tree[0].children?.[0].children?.[0].code).toBe('990102')
  })

  it('filters to the matches and their ancestors, expanding the path', () => {
    const tree = buildUnitTree(units)
    const f = filterTree(tree, (u) => textMatch('小学', u.name, u.code), (u) => u.id)
    expect(f.matches).toBe(1)
    expect(f.rows.map((u) => u.id)).toEqual([1])
    expect(f.rows[0].children?.map((u) => u.id)).toEqual([21])
    expect(f.expand).toEqual([1])
    // the input is left alone
    expect(tree[0].children).toHaveLength(3)
    const sections = filterTree(tree, (u) => u.kind === 'section', (u) => u.id)
    expect(sections.rows[0].children?.map((u) => u.name)).toEqual(['安全科'])
  })

  it('lists the keys to expand down to a depth', () => {
    const tree = buildRegionTree([region('990000', null, '省'), region('990100', '990000', '市'), region('990102', '990100', '区')])
    expect(keysToDepth(tree, (r) => r.code, 1)).toEqual(['990000'])
    expect(keysToDepth(tree, (r) => r.code, 9)).toEqual(['990000', '990100'])
  })

  it('derives GB/T 2260 levels and parents', () => {
    expect(regionLevelOf('990000')).toBe('province')
    expect(regionLevelOf('990100')).toBe('city')
    expect(regionLevelOf('990102')).toBe('county')
    expect(regionLevelOf('001234')).toBeNull()
    expect(regionLevelOf('99010')).toBeNull()
    const known = [region('990000', null, '省'), region('990100', '990000', '市')]
    expect(suggestRegionParent('990103', known)).toBe('990100')
    expect(suggestRegionParent('999001', known)).toBe('990000') // 省直辖县级
    expect(suggestRegionParent('990200', known)).toBe('990000')
    expect(suggestRegionParent('990000', known)).toBeNull()
  })
})

describe('schools under their cluster', () => {
  const org = [
    unit(1, null, 'bureau', '示范区教育局'),
    unit(10, 1, 'cluster', '北部学区'),
    unit(11, 1, 'cluster', '南部学区'),
    unit(21, 1, 'school', '双桥小学'),
    unit(22, 1, 'school', '青石小学'),
    unit(23, 1, 'school', '柳溪幼儿园'),
    unit(24, 1, 'school', '范围外学区的学校'),
  ]
  const schools = [
    { id: 21, cluster_id: 10 },
    { id: 22, cluster_id: 11 },
    { id: 23, cluster_id: null },
    { id: 24, cluster_id: 77 },
  ]

  it('nests a school under its cluster and keeps one without a cluster under the bureau', () => {
    const tree = buildUnitTree(org, clusterMap(schools))
    const bureau = tree[0]
    expect(tree).toHaveLength(1)
    expect(bureau.children?.map((u) => u.id)).toEqual([10, 11, 23, 24])
    expect(bureau.children?.find((u) => u.id === 10)?.children?.map((u) => u.name)).toEqual(['双桥小学'])
    expect(bureau.children?.find((u) => u.id === 11)?.children?.map((u) => u.id)).toEqual([22])
    expect(countRows(tree)).toBe(org.length)
  })

  it('keeps the parent tree when the clusters are unknown', () => {
    const tree = buildUnitTree(org)
    expect(tree[0].children?.filter((u) => u.kind === 'school')).toHaveLength(4)
    expect(tree[0].children?.find((u) => u.id === 10)?.children).toBeUndefined()
  })

  it('finds a school inside its cluster when filtering', () => {
    const f = filterTree(buildUnitTree(org, clusterMap(schools)), (u) => textMatch('双桥', u.name), (u) => u.id)
    expect(f.rows[0].children?.[0].id).toBe(10)
    expect(f.rows[0].children?.[0].children?.[0].id).toBe(21)
    expect(f.expand).toEqual([10, 1])
  })
})
