import { describe, expect, it } from 'vitest'
import type { School } from '@/api/org'
import {
  boardersProblem,
  duplicateBuildings,
  emptySchoolForm,
  emptySearch,
  formToInput,
  schoolQuery,
  schoolToForm,
  sortParam,
} from '../schoolForm'

const school: School = {
  id: 21,
  code: '9901020011',
  name: '示范区双桥小学',
  region_code: '990102',
  parent_id: 1,
  path: '/1/21/',
  stage: 'primary',
  ownership: 'public',
  boarding: false,
  boarders: 0,
  school_buses: 0,
  location_type: 'fringe',
  students: 1120,
  staff: 86,
  address: '示范区双桥路148号',
  phone: '0571-87368139',
  principal: '黄丽华',
  cluster_id: 10,
  cluster_name: '北部学区',
  buildings: [{ id: 33, name: '食堂', floors: 2 }],
  key_places: [{ id: 54, kind: 'canteen', name: '学生食堂', building: '食堂' }],
  created_at: '2026-11-30T07:57:38.203Z',
  updated_at: '2026-11-30T07:57:38.203Z',
}

describe('school search', () => {
  it('sends only the filters that are set', () => {
    expect(schoolQuery(emptySearch(), 1, 10)).toEqual({ page: 1, page_size: 10 })
    const s = { ...emptySearch(), q: '  双桥 ', boarding: 'false' as const, cluster_id: 10, stage: 'primary' as const }
    expect(schoolQuery(s, 3, 20, '-students')).toEqual({
      q: '双桥',
      boarding: false,
      cluster_id: 10,
      stage: 'primary',
      page: 3,
      page_size: 20,
      sort: '-students',
    })
  })

  it('maps a table sort to the sort parameter', () => {
    expect(sortParam('students', 'descending')).toBe('-students')
    expect(sortParam('name', 'ascending')).toBe('name')
    expect(sortParam('name', null)).toBeUndefined()
    expect(sortParam('address', 'ascending')).toBeUndefined()
  })
})

describe('school form', () => {
  it('sends back exactly the SchoolInput fields of a read school', () => {
    const input = formToInput(schoolToForm(school), false)
    expect(Object.keys(input).sort()).toEqual(
      [
        'address',
        'boarders',
        'boarding',
        'buildings',
        'cluster_id',
        'code',
        'key_places',
        'location_type',
        'name',
        'ownership',
        'phone',
        'principal',
        'region_code',
        'school_buses',
        'staff',
        'stage',
        'students',
      ].sort(),
    )
    expect(input.buildings).toEqual([{ name: '食堂', floors: 2 }])
    expect(input.key_places).toEqual([{ kind: 'canteen', name: '学生食堂', building: '食堂' }])
  })

  it('adds the bureau on create and trims text', () => {
    const f = { ...emptySchoolForm(), code: ' S1 ', name: ' 新学校 ', parent_id: 1, region_code: '990102' }
    f.stage = 'junior'
    f.ownership = 'private'
    f.location_type = 'rural'
    f.key_places = [{ kind: 'gate' as never, name: '校门', building: '' }]
    const input = formToInput(f, true)
    expect(input.parent_id).toBe(1)
    expect(input.code).toBe('S1')
    expect(input.name).toBe('新学校')
    expect(input.key_places?.[0].building).toBeNull()
  })

  it('sends the school buses back, so an edit keeps them', () => {
    expect(formToInput(schoolToForm({ ...school, school_buses: 3 }), false).school_buses).toBe(3)
    expect(emptySchoolForm().school_buses).toBe(0)
    // A school read from a server without the field edits as 0.
    const { school_buses: _, ...older } = school
    void _
    expect(schoolToForm(older as School).school_buses).toBe(0)
  })

  it('sends no boarders for a day school', () => {
    const f = { ...schoolToForm(school), boarding: false, boarders: 30 }
    expect(formToInput(f, false).boarders).toBe(0)
  })

  it('checks the boarding rule', () => {
    expect(boardersProblem({ boarding: false, boarders: 0, students: 10 })).toBe('')
    expect(boardersProblem({ boarding: true, boarders: 0, students: 10 })).toBe('org.school.boardersPositive')
    expect(boardersProblem({ boarding: true, boarders: 11, students: 10 })).toBe('org.school.boardersTooMany')
    expect(boardersProblem({ boarding: true, boarders: 10, students: 10 })).toBe('')
  })

  it('finds repeated building names', () => {
    expect(duplicateBuildings([{ name: 'A', floors: 1 }, { name: 'B', floors: 1 }, { name: ' A', floors: 2 }])).toEqual([2])
    expect(duplicateBuildings([{ name: '', floors: 1 }, { name: '', floors: 1 }])).toEqual([])
  })
})
