import { afterEach, describe, expect, it, vi } from 'vitest'
import { JOINT_COUNTS, JOINT_KINDS, JOINT_STATES, eduJointApi } from '@/api/eduJoint'
import { ApiError, setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: unknown
  headers: Record<string, string>
}

function stubFetch(respond: (url: string, method: string) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET'
      calls.push({ url, method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)), headers: init.headers as Record<string, string> })
      return respond(url, method)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('edu api: 联防联控', () => {
  it('names the kinds, the states and the counts with the server’s labels', () => {
    expect(JOINT_KINDS.map((k) => `${k.code}:${k.label}`)).toEqual([
      'patrol:巡查水域',
      'signs:设置警示标志',
      'fences:设置防护设施',
      'rescue:配备救生设施',
      'publicity:宣传提醒',
      'other:其他',
    ])
    expect(JOINT_STATES.map((s) => `${s.code}:${s.label}`)).toEqual(['pending:待报告', 'reported:已报告', 'late:逾期报告', 'overdue:逾期未报告'])
    expect(JOINT_COUNTS.map((c) => c.key)).toEqual(['patrolled', 'signs', 'fences', 'hazards'])
  })

  it('reads the list and one task', async () => {
    const calls = stubFetch(() => json({ items: [] }))
    await eduJointApi.list()
    await eduJointApi.get(12)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/edu/joint-tasks', 'GET /api/v1/edu/joint-tasks/12'])
  })

  it('issues, withdraws and reports with the CSRF header and the bodies as given', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_url, method) => (method === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 12 }, method === 'POST' ? 201 : 200)))
    const task = { title: '暑期水域巡查', text: '每周巡查一次', kinds: ['patrol', 'signs'], due_on: '2026-07-10', department_ids: [31, 32] }
    const report = { text: '巡查了12处水域', patrolled: 12, signs: 8, fences: 2, hazards: 1 }
    expect(await eduJointApi.create(task)).toEqual({ id: 12 })
    await eduJointApi.report(12, report)
    await eduJointApi.remove(12)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/edu/joint-tasks',
      'PUT /api/v1/edu/joint-tasks/12/report',
      'DELETE /api/v1/edu/joint-tasks/12',
    ])
    expect(calls[0].body).toEqual(task)
    expect(calls[1].body).toEqual(report)
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('turns the refusals into ApiErrors: field reasons, and a withdrawal after a report', async () => {
    stubFetch(() =>
      json({ error: { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'due_on', reason: '报告期限不能早于今天' }, { field: 'department_ids', reason: '请至少选择一个成员单位' }] } }, 422),
    )
    const e = await eduJointApi.create({ title: 't', text: 'x', kinds: ['patrol'], due_on: '2020-01-01', department_ids: [] }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).fieldErrors()).toEqual({ due_on: '报告期限不能早于今天', department_ids: '请至少选择一个成员单位' })

    stubFetch(() =>
      json({ error: { code: 'failed_precondition', message: '已有成员单位报告了这项任务，不能撤销', details: [{ field: 'edu_joint.reported', reason: '已有成员单位报告了这项任务，不能撤销' }] } }, 409),
    )
    const r = await eduJointApi.remove(12).catch((x: unknown) => x)
    expect((r as ApiError).status).toBe(409)
    expect((r as ApiError).message).toBe('已有成员单位报告了这项任务，不能撤销')
  })
})
