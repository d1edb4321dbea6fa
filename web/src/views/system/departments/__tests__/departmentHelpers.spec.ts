import { describe, expect, it } from 'vitest'
import { departmentQuery, departmentSort, emptyDepartmentSearch, filterByKind, pageOf } from '../departmentList'

describe('department list helpers', () => {
  it('keeps the kind out of the server query', () => {
    expect(departmentQuery({ q: ' 公安 ', department_kind: 'police' }, '-name')).toEqual({ q: '公安', sort: '-name' })
    expect(departmentQuery(emptyDepartmentSearch())).toEqual({})
  })

  it('filters by kind and pages in memory', () => {
    const rows = [
      { id: 1, department_kind: 'police' as const },
      { id: 2, department_kind: 'fire_rescue' as const },
      { id: 3, department_kind: 'police' as const },
    ]
    expect(filterByKind(rows, 'police').map((r) => r.id)).toEqual([1, 3])
    expect(filterByKind(rows, '')).toHaveLength(3)
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4])
    expect(pageOf([1, 2, 3], 3, 2)).toEqual([])
  })

  it('maps the table sort', () => {
    expect(departmentSort('code', 'descending')).toBe('-code')
    expect(departmentSort('phone', 'ascending')).toBeUndefined()
  })
})
