import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import {
  accountsText,
  adminRolesIn,
  buildUserQuery,
  emptyUserSearch,
  hasLoginFailures,
  lockAction,
  maskMobile,
  statusFor,
  timedLocked,
  unitFilterTree,
  unitIdOfNode,
  validMobile,
  validUsername,
} from '../userHelpers'
import { adminErrorText, collapseIndexedFields } from '../adminErrors'

describe('buildUserQuery', () => {
  it('sends only what is filled in', () => {
    expect(buildUserQuery(emptyUserSearch(), 1, 20)).toEqual({ page: 1, page_size: 20 })
  })
  it('trims the keyword and passes unit and status', () => {
    expect(buildUserQuery({ q: '  zhang ', unit_id: 7, status: 'locked' }, 3, 50)).toEqual({
      q: 'zhang',
      unit_id: 7,
      status: 'locked',
      page: 3,
      page_size: 50,
    })
  })
  it('drops a blank keyword', () => {
    expect(buildUserQuery({ q: '   ', unit_id: null, status: '' }, 1, 10)).not.toHaveProperty('q')
  })
})

describe('lock button', () => {
  const now = new Date('2026-11-30T08:00:00.000Z')
  it('locks an active account', () => {
    expect(lockAction({ status: 'active', locked_until: null }, now)).toBe('lock')
    expect(statusFor('lock')).toBe('locked')
  })
  it('unlocks an administrator lock or a running timed lockout', () => {
    expect(lockAction({ status: 'locked', locked_until: null }, now)).toBe('unlock')
    expect(lockAction({ status: 'active', locked_until: '2026-11-30T08:20:00.000Z' }, now)).toBe('unlock')
    expect(statusFor('unlock')).toBe('active')
  })
  it('ignores a timed lockout in the past', () => {
    expect(timedLocked({ locked_until: '2026-11-30T07:59:59.000Z' }, now)).toBe(false)
    expect(lockAction({ status: 'active', locked_until: '2026-11-30T07:00:00.000Z' }, now)).toBe('lock')
  })
  it('enables a disabled account', () => {
    expect(lockAction({ status: 'disabled', locked_until: null }, now)).toBe('enable')
    expect(statusFor('enable')).toBe('active')
  })
})

describe('解除登录锁定 cue', () => {
  const now = new Date('2026-11-30T08:00:00.000Z')
  it('is off for an account without failed logins', () => {
    expect(hasLoginFailures({ failed_logins: 0, locked_until: null }, now)).toBe(false)
    expect(hasLoginFailures({ failed_logins: 0, locked_until: '2026-11-30T07:30:00.000Z' }, now)).toBe(false)
  })
  it('is on after wrong passwords, before any lock', () => {
    expect(hasLoginFailures({ failed_logins: 5, locked_until: null }, now)).toBe(true)
  })
  it('is on during a timed lockout', () => {
    expect(hasLoginFailures({ failed_logins: 0, locked_until: '2026-11-30T08:30:00.000Z' }, now)).toBe(true)
  })
})

describe('三员 and usernames', () => {
  it('finds the administrator roles in a selection', () => {
    expect(adminRolesIn(['teacher', 'system_admin', 'audit_admin'])).toEqual(['system_admin', 'audit_admin'])
    expect(adminRolesIn(['teacher'])).toEqual([])
  })
  it('checks usernames like the server', () => {
    expect(validUsername('zhang.san-01')).toBe(true)
    expect(validUsername('ab')).toBe(false)
    expect(validUsername('Zhang')).toBe(false)
    expect(validUsername('a b c')).toBe(false)
  })
})

describe('server refusals', () => {
  it('shows a rule refusal once, not field and reason again', () => {
    const msg = '不能重置或锁定其他管理员（三员）的账号，请在服务器上用 xiaoan recover-account 处理'
    const e = new ApiError(
      409,
      { code: 'failed_precondition', message: msg, details: [{ field: 'user.separation_of_duties', reason: msg }] },
      null,
    )
    expect(adminErrorText(e)).toBe(msg)
  })
  it('adds reasons that the message does not contain', () => {
    const e = new ApiError(
      422,
      {
        code: 'invalid_argument',
        message: '字段 roles 无效：系统管理员、安全管理员、审计管理员不能由同一账号兼任',
        details: [
          { field: 'roles', reason: '系统管理员、安全管理员、审计管理员不能由同一账号兼任' },
          { field: 'roles[2]', reason: '角色不存在' },
        ],
      },
      null,
    )
    expect(adminErrorText(e)).toBe('字段 roles 无效：系统管理员、安全管理员、审计管理员不能由同一账号兼任；角色不存在')
    expect(adminErrorText(new Error('x'))).toBeNull()
  })
  it('collapses list item errors onto the list field', () => {
    const errors: Record<string, string> = { 'permissions[1]': '权限不存在', name: '不能为空' }
    collapseIndexedFields(errors)
    expect(errors.permissions).toBe('权限不存在')
    expect(errors.name).toBe('不能为空')
  })
})

describe('mobile numbers', () => {
  it('accepts 11 digits starting with 1', () => {
    expect(validMobile('13812341234')).toBe(true)
    expect(validMobile(' 19900001111 ')).toBe(true)
  })
  it('refuses other lengths, another first digit, letters and separators', () => {
    for (const bad of ['', '1381234123', '138123412345', '23812341234', '1381234123a', '138-1234-1234', '+8613812341234']) {
      expect(validMobile(bad), bad).toBe(false)
    }
  })
  it('masks the middle four digits for the list', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
    expect(maskMobile(' 19900001111')).toBe('199****1111')
  })
  it('shows nothing for no number, and anything else as it is', () => {
    expect(maskMobile('')).toBe('')
    expect(maskMobile(undefined)).toBe('')
    expect(maskMobile(null)).toBe('')
    expect(maskMobile('12345')).toBe('12345')
  })
})

describe('the unit tree beside the user list', () => {
  interface Row {
    id: number
    name: string
    kind: string
    children?: Row[]
  }
  const forest: Row[] = [
    { id: 1, name: '示范区教育局', kind: 'bureau', children: [{ id: 5, name: '示范区实验小学', kind: 'school' }, { id: 6, name: '安全科', kind: 'section', children: [] }] },
    { id: 9, name: '示范区公安分局', kind: 'department' },
  ]
  it('puts 全部 above the units, keeping only ids, names and children', () => {
    expect(unitFilterTree(forest, '全部')).toEqual([
      {
        id: 0,
        name: '全部',
        children: [
          { id: 1, name: '示范区教育局', children: [{ id: 5, name: '示范区实验小学' }, { id: 6, name: '安全科' }] },
          { id: 9, name: '示范区公安分局' },
        ],
      },
    ])
  })
  it('filters by a unit, not by the 全部 root', () => {
    expect(unitIdOfNode(0)).toBeNull()
    expect(unitIdOfNode(5)).toBe(5)
  })
})

describe('accountsText', () => {
  it('writes a header and one tab-separated line per account', () => {
    const text = accountsText(
      [
        { username: 'li_si', display_name: '李四', initial_password: 'Ab3#Ab3#Ab3#Ab3#' },
        { username: 'wang_wu', display_name: '王五', initial_password: 'Xy9!Xy9!Xy9!Xy9!' },
      ],
      ['用户名', '姓名', '初始密码'],
    )
    expect(text).toBe('用户名\t姓名\t初始密码\nli_si\t李四\tAb3#Ab3#Ab3#Ab3#\nwang_wu\t王五\tXy9!Xy9!Xy9!Xy9!')
  })
})
