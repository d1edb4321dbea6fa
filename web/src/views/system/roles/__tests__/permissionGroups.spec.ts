import { describe, expect, it } from 'vitest'
import type { PermissionEntry } from '@/api/dictionaries'
import {
  capabilityOf,
  groupPermissions,
  groupState,
  orderedSelection,
  toggleGroup,
  validRoleCode,
} from '../permissionGroups'

const dictionary: PermissionEntry[] = [
  { code: 'school:read', label: '查看学校', group: '学校' },
  { code: 'school:write', label: '维护学校', group: '学校' },
  { code: 'user:read', label: '查看用户', group: '用户' },
  { code: 'school:export', label: '导出学校', group: '学校' },
  { code: 'audit:read', label: '查看审计日志', group: '审计' },
]

describe('groupPermissions', () => {
  it('groups by the dictionary group in first-appearance order, keeping dictionary order inside', () => {
    const groups = groupPermissions(dictionary)
    expect(groups.map((g) => g.name)).toEqual(['学校', '用户', '审计'])
    expect(groups[0].items.map((i) => i.code)).toEqual(['school:read', 'school:write', 'school:export'])
    expect(groups[0].items[1].label).toBe('维护学校')
  })

  it('puts unknown codes with their capability, or in a group named after it, without duplicates', () => {
    const groups = groupPermissions(dictionary, ['school:import', 'policy:read', 'school:read', 'policy:write'], (c) => `L(${c})`)
    const school = groups.find((g) => g.name === '学校')
    expect(school?.items.map((i) => i.code)).toEqual(['school:read', 'school:write', 'school:export', 'school:import'])
    expect(school?.items[3].label).toBe('L(school:import)')
    const policy = groups.find((g) => g.name === 'policy')
    expect(policy?.items.map((i) => i.code)).toEqual(['policy:read', 'policy:write'])
    expect(groups.map((g) => g.name)).toEqual(['学校', '用户', '审计', 'policy'])
  })

  it('works without a dictionary (endpoint unavailable)', () => {
    const groups = groupPermissions([], ['unit:read', 'unit:write', 'role:read'])
    expect(groups).toEqual([
      { name: 'unit', items: [{ code: 'unit:read', label: 'unit:read' }, { code: 'unit:write', label: 'unit:write' }] },
      { name: 'role', items: [{ code: 'role:read', label: 'role:read' }] },
    ])
  })

  it('uses the capability when an entry has no group', () => {
    const groups = groupPermissions([{ code: 'region:read', label: '查看区划', group: '' }])
    expect(groups[0].name).toBe('region')
  })
})

describe('group selection', () => {
  const [school] = groupPermissions(dictionary)

  it('reports all / some / none', () => {
    expect(groupState(school, [])).toEqual({ all: false, indeterminate: false, count: 0 })
    expect(groupState(school, ['school:read', 'user:read'])).toEqual({ all: false, indeterminate: true, count: 1 })
    expect(groupState(school, ['school:export', 'school:read', 'school:write'])).toEqual({
      all: true,
      indeterminate: false,
      count: 3,
    })
  })

  it('adds or removes a whole group and leaves other groups alone', () => {
    expect(toggleGroup(['user:read', 'school:write'], school, true)).toEqual([
      'user:read',
      'school:write',
      'school:read',
      'school:export',
    ])
    expect(toggleGroup(['user:read', 'school:write', 'school:read'], school, false)).toEqual(['user:read'])
  })

  it('orders a selection like the groups, keeping unknown codes at the end', () => {
    const groups = groupPermissions(dictionary)
    expect(orderedSelection(groups, ['audit:read', 'x:y', 'school:write', 'user:read'])).toEqual([
      'school:write',
      'user:read',
      'audit:read',
      'x:y',
    ])
  })
})

describe('small helpers', () => {
  it('capabilityOf', () => {
    expect(capabilityOf('school:write')).toBe('school')
    expect(capabilityOf('plain')).toBe('plain')
  })
  it('validRoleCode follows the server rule a-z 0-9 _ of 3–40', () => {
    expect(validRoleCode('school_helper')).toBe(true)
    expect(validRoleCode('ab')).toBe(false)
    expect(validRoleCode('Has-Caps')).toBe(false)
    expect(validRoleCode('a'.repeat(41))).toBe(false)
  })
})
