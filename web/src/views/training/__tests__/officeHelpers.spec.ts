// 安全监管机构's pure parts: the unit a page opens and the units to pick among, the form from an
// office and the PUT body from it, the reasons no field shows, and 队伍建设看板's filter.
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  failFromRoute,
  newOfficeMember,
  officeBoardRows,
  officeBody,
  officeSnapshot,
  officeToForm,
  officeUnitOf,
  officeUnitOptions,
  partTime,
  placedOfficeField,
  unitKindText,
  unplacedOfficeErrors,
} from '../officeHelpers'
import { office, staffingBoard } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

describe('安全监管机构: the unit', () => {
  it('opens the link’s unit, else the user’s own bureau or school, else none', () => {
    expect(officeUnitOf(22, { id: 1, name: '示范区教育局', kind: 'bureau' })).toBe(22)
    expect(officeUnitOf(undefined, { id: 1, name: '示范区教育局', kind: 'bureau' })).toBe(1)
    expect(officeUnitOf(undefined, { id: 21, name: '示范区双桥小学', kind: 'school' })).toBe(21)
    expect(officeUnitOf(undefined, { id: 5, name: '基础教育科', kind: 'section' })).toBeUndefined()
    expect(officeUnitOf(undefined, null)).toBeUndefined()
  })

  it('offers the user’s own bureau, the bureau on screen, then the schools, each once', () => {
    const schools = [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区青石第2小学' },
    ]
    const own = { id: 1, name: '示范区教育局', kind: 'bureau' }
    expect(officeUnitOptions(own, null, schools).map((u) => u.id)).toEqual([1, 21, 22])
    expect(officeUnitOptions(own, { id: 21, name: '示范区双桥小学', kind: 'school' }, schools).map((u) => u.id)).toEqual([1, 21, 22])
    expect(officeUnitOptions({ id: 100, name: '市教育局', kind: 'bureau' }, { id: 1, name: '示范区教育局', kind: 'bureau' }, schools)).toEqual([
      { id: 100, name: '市教育局' },
      { id: 1, name: '示范区教育局' },
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区青石第2小学' },
    ])
    expect(officeUnitOptions({ id: 5, name: '基础教育科', kind: 'section' }, null, schools).map((u) => u.id)).toEqual([21, 22])
  })
})

describe('安全监管机构: the form', () => {
  it('makes the form of an office, each member a row with a key of its own, and the body back (texts trimmed, keys left out)', () => {
    const f = officeToForm(office())
    expect(f.name).toBe('安全办公室')
    expect(f.members).toHaveLength(2)
    expect(new Set(f.members.map((m) => m.uid)).size).toBe(2)
    f.name = ' 安全保卫处 '
    f.members.push({ ...newOfficeMember(), name: ' 秦晓东 ', post: ' 专职安全员', full_time: true, qualifications: '注册安全工程师 ', phone: ' 13905710009 ' })
    expect(officeBody(f, 3)).toEqual({
      version: 3,
      name: '安全保卫处',
      members: [
        { name: '韩宏伟', post: '安全办主任（分管副校长兼）', full_time: false, qualifications: '', phone: '13705711071' },
        { name: '杨丽萍', post: '总务主任', full_time: false, qualifications: '消防设施操作员（中级）', phone: '' },
        { name: '秦晓东', post: '专职安全员', full_time: true, qualifications: '注册安全工程师', phone: '13905710009' },
      ],
    })
  })

  it('starts a new member part time, empty, and tells changes from what was read', () => {
    const m = newOfficeMember()
    expect(m).toMatchObject({ name: '', post: '', full_time: false, qualifications: '', phone: '' })
    expect(newOfficeMember().uid).not.toBe(m.uid)
    const f = officeToForm(office())
    const read = officeSnapshot(f)
    expect(officeSnapshot(officeToForm(office()))).toBe(read)
    f.members[0].full_time = true
    expect(officeSnapshot(f)).not.toBe(read)
  })

  it('places the reasons on the office’s name, the members, a member and its fields; lists the others', () => {
    for (const f of ['name', 'members', 'members[0]', 'members[2].name', 'members[1].full_time', 'members[1].qualifications', 'members[3].phone']) {
      expect(placedOfficeField(f), f).toBe(true)
    }
    for (const f of ['version', 'members[1].note', 'unit_id', 'members.x']) expect(placedOfficeField(f), f).toBe(false)
    expect(unplacedOfficeErrors({ name: 'a', 'members[0].phone': 'b', version: 'c' })).toEqual([{ field: 'version', reason: 'c' }])
  })
})

describe('队伍建设看板', () => {
  it('names the unit’s type and counts the part-time members', () => {
    expect(unitKindText(t, 'bureau')).toBe('教育局')
    expect(unitKindText(t, 'school')).toBe('学校')
    expect(unitKindText(t, 'section')).toBe('section')
    expect(partTime({ members: 5, full_time: 2 })).toBe(3)
    expect(partTime({ members: 0, full_time: 0 })).toBe(0)
  })

  it('keeps the units failing staffing.office, from the filter or a link', () => {
    const b = staffingBoard()
    expect(officeBoardRows(b.rows, false).map((r) => r.unit_id)).toEqual([1, 21, 22, 42])
    expect(officeBoardRows(b.rows, true).map((r) => r.unit_id)).toEqual([21, 42])
    expect(failFromRoute({ fail: '1' })).toBe(true)
    expect(failFromRoute({ fail: ['true'] })).toBe(true)
    expect(failFromRoute({ fail: '0' })).toBe(false)
    expect(failFromRoute({})).toBe(false)
  })
})
