import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import {
  adminRolesIn,
  buildUserQuery,
  emptyUserSearch,
  hasLoginFailures,
  lockAction,
  statusFor,
  timedLocked,
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
