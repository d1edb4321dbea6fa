// The refusal of a form saved whole (422 with its reasons by field, 409 stale, anything else) and
// the field paths of a list's rows.
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { clearListErrors, fieldFailure, rowErrorCount, rowPath } from '@/utils/fieldErrors'

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: 'x', message, details }, null)
}

describe('fieldErrors', () => {
  it('gives a 422’s reasons by field, one field’s several joined once each', () => {
    const f = fieldFailure(
      apiError(422, [
        { field: 'members[0].name', reason: '请填写姓名' },
        { field: 'members[0].name', reason: '姓名重复' },
        { field: 'members[0].name', reason: '请填写姓名' },
        { field: 'name', reason: '请填写机构名称' },
        { field: '', reason: '无字段' },
      ]),
    )
    expect(f).toEqual({ kind: 'fields', errors: { 'members[0].name': '请填写姓名；姓名重复', name: '请填写机构名称' } })
  })

  it('says a stale version (409) in the server’s words, and leaves the rest to showError', () => {
    expect(fieldFailure(apiError(409, [], '安全监管机构刚被他人修改，请刷新后再试'))).toEqual({ kind: 'stale', message: '安全监管机构刚被他人修改，请刷新后再试' })
    expect(fieldFailure(apiError(422, []))).toEqual({ kind: 'other' })
    expect(fieldFailure(apiError(500, [{ field: 'x', reason: 'y' }]))).toEqual({ kind: 'other' })
    expect(fieldFailure(new Error('network'))).toEqual({ kind: 'other' })
  })

  it('names a row’s fields, counts a row’s reasons and clears a list’s', () => {
    expect(rowPath('members', 2, 'phone')).toBe('members[2].phone')
    expect(rowPath('members', 0)).toBe('members[0]')
    const errors: Record<string, string> = { 'members[3].phone': 'a', 'members[3].name': 'b', 'members[3]': 'c', 'members[30].name': 'd', members: 'e', name: 'f' }
    expect(rowErrorCount(errors, 'members', 3)).toBe(3)
    expect(rowErrorCount(errors, 'members', 1)).toBe(0)
    clearListErrors(errors, 'members')
    expect(errors).toEqual({ name: 'f' })
  })
})
