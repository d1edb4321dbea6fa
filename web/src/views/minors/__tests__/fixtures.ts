// The records of 未成年人信息查阅's specs: a grant in each state, the report, and the users — the
// bureau's safety office (asks), a school's leader (decides), the auditor (reads the report) and a
// school's teacher (none of it).
import type { Me } from '@/api/auth'
import type { MinorsGrant, MinorsReport } from '@/api/minors'

export const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
export const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }

export function user(permissions: string[], unit = BUREAU, username = 'safety_office'): Me {
  return {
    user: { id: 9, username, display_name: '周科长' },
    unit,
    roles: [],
    permissions,
    scope: { kind: unit.kind === 'school' ? 'own_unit' : 'unit_and_below', unit_paths: unit.kind === 'school' ? ['/1/21/'] : ['/1/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

export const OFFICE = () => user(['edu:read', 'edu:lessons', 'school:read'], BUREAU, 'safety_office')
export const LEADER = () => user(['edu:read', 'edu:lessons', 'school:read', 'minors:grant'], SCHOOL, 'school1_leader')
export const AUDITOR = () => user(['audit:read', 'audit:export'], BUREAU, 'auditor')
export const TEACHER = () => user(['edu:read', 'edu:checkin'], SCHOOL, 'school1_teacher')

export function grant(over: Partial<MinorsGrant> = {}): MinorsGrant {
  return {
    id: 5,
    grantee: 'safety_office',
    grantee_name: '安全科 周科长',
    grantee_unit_name: '示范区教育局',
    unit_id: 21,
    unit_name: '示范区双桥小学',
    kind: 'edu_letter_receipt',
    kind_label: '家长回执名单（学生姓名）',
    reason: '核查三年级2班寒假安全家长信回执情况',
    days: 7,
    state: 'requested',
    state_label: '待审批',
    requested_at: '2026-12-07T01:30:00Z',
    decided_by: '',
    decided_by_name: '',
    decided_at: null,
    note: '',
    from: null,
    until: null,
    can_decide: false,
    can_revoke: false,
    ...over,
  }
}

/** Approved at 2026-12-07 10:00 China time for 7 days. */
export function activeGrant(over: Partial<MinorsGrant> = {}): MinorsGrant {
  return grant({
    state: 'active',
    state_label: '生效中',
    decided_by: 'school1_leader',
    decided_by_name: '校长',
    decided_at: '2026-12-07T02:00:00Z',
    from: '2026-12-07T02:00:00Z',
    until: '2026-12-14T02:00:00Z',
    ...over,
  })
}

export function report(over: Partial<MinorsReport> = {}): MinorsReport {
  return {
    year: 2026,
    rows: [
      {
        reader: 'safety_office',
        reader_name: '安全科 周科长',
        reader_unit_name: '示范区教育局',
        unit_id: 21,
        unit_name: '示范区双桥小学',
        kind: 'edu_letter_receipt',
        kind_label: '家长回执名单（学生姓名）',
        reads: 3,
        records: 41,
        first_at: '2026-12-07T02:05:00Z',
        last_at: '2026-12-07T03:10:00Z',
        via_grant: true,
      },
      {
        reader: 'school1_safety',
        reader_name: '安全干部',
        reader_unit_name: '示范区双桥小学',
        unit_id: 21,
        unit_name: '示范区双桥小学',
        kind: 'edu_letter_receipt',
        kind_label: '家长回执名单（学生姓名）',
        reads: 12,
        records: 230,
        first_at: '2026-09-02T01:00:00Z',
        last_at: '2026-12-06T08:00:00Z',
        via_grant: false,
      },
    ],
    grants: { requested: 4, approved: 2, refused: 1, revoked: 1 },
    ...over,
  }
}
