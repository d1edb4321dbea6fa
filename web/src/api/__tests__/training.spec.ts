import { afterEach, describe, expect, it, vi } from 'vitest'
import { SESSION_KINDS, STAFF_STATES, TRAINING_POSTS, TRAINING_RULES, trainingApi, XLSX_TYPE } from '@/api/training'
import { ApiError, setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: BodyInit | null | undefined
  headers: Record<string, string>
}

function stubFetch(respond: (url: string, method: string) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body, headers: init.headers as Record<string, string> })
      return respond(url, init.method ?? 'GET')
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })
const file = (name: string) =>
  new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('training api: 安全培训', () => {
  it('names the posts, the kinds, the states and the rules in the pages’ order', () => {
    expect(TRAINING_POSTS).toEqual(['fire', 'construction', 'lab', 'practice', 'security'])
    expect(SESSION_KINDS).toEqual(['rotation', 'holiday', 'topic'])
    expect(STAFF_STATES).toEqual(['overdue', 'due_soon', 'ok', 'inactive'])
    expect(TRAINING_RULES).toEqual(['training.rotation', 'training.holiday'])
  })

  it('reads a school’s staff and sessions (a school user’s own without unit_id), a session and the board', async () => {
    const calls = stubFetch(() => json({}))
    await trainingApi.staff(21)
    await trainingApi.staff()
    await trainingApi.sessions(21, 'holiday')
    await trainingApi.sessions(21, '')
    await trainingApi.session(8)
    await trainingApi.board()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/training/staff?unit_id=21',
      'GET /api/v1/training/staff',
      'GET /api/v1/training/sessions?unit_id=21&kind=holiday',
      'GET /api/v1/training/sessions?unit_id=21',
      'GET /api/v1/training/sessions/8',
      'GET /api/v1/training/board',
    ])
  })

  it('writes a person and a session as JSON with the CSRF header, and deletes a session', async () => {
    setCsrfToken('tok')
    const calls = stubFetch((_url, method) => (method === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 1 }, method === 'POST' ? 201 : 200)))
    await trainingApi.createStaff({ unit_id: 21, name: '刘洋', post: 'lab', phone: '', since: '2024-09-01', note: '' })
    await trainingApi.updateStaff(3, { name: '王磊', post: 'security', phone: '', since: '2020-09-01', active: false, note: '', version: 4 })
    await trainingApi.createSession({
      unit_id: 21,
      title: '冬季轮训',
      kind: 'rotation',
      held_on: '2026-12-07',
      hours: 1.5,
      trainer: '',
      place: '',
      staff_ids: [1],
      other_count: 0,
      note: '',
    })
    await trainingApi.deleteSession(8)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/training/staff',
      'PUT /api/v1/training/staff/3',
      'POST /api/v1/training/sessions',
      'DELETE /api/v1/training/sessions/8',
    ])
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'tok')).toBe(true)
    expect(JSON.parse(String(calls[1].body))).toMatchObject({ active: false, version: 4 })
  })

  it('posts a sign-in sheet’s bytes as .xlsx; a sheet refused with its rows is a result', async () => {
    const sheet = new Blob(['PK'])
    let answer = json({ rows: 3, matched: 1, others: 2, applied: true, errors: [] })
    const calls = stubFetch(() => answer)
    expect(await trainingApi.signIn(8, sheet)).toEqual({ rows: 3, matched: 1, others: 2, applied: true, errors: [] })
    expect(calls[0].url).toBe('/api/v1/training/sessions/8/sign-in')
    expect(calls[0].method).toBe('POST')
    expect(calls[0].headers['Content-Type']).toBe(XLSX_TYPE)
    expect(calls[0].body).toBe(sheet)

    const refused = { rows: 2, matched: 0, others: 0, applied: false, errors: [{ row: 2, field: '姓名', reason: '不能为空' }] }
    answer = json(refused, 422)
    expect(await trainingApi.signIn(8, sheet)).toEqual(refused)
    // A file refused as a whole (no report): the error.
    answer = json({ error: { code: 'invalid_argument', message: '文件不是有效的 .xlsx', details: [] } }, 422)
    await expect(trainingApi.signIn(8, sheet)).rejects.toBeInstanceOf(ApiError)
  })

  it('downloads the sign-in template and the board’s workbook with the server’s names', async () => {
    const calls = stubFetch((url) => file(url.endsWith('/export') ? '轮训看板.xlsx' : '签到表模板.xlsx'))
    expect((await trainingApi.signInTemplate()).filename).toBe('签到表模板.xlsx')
    expect((await trainingApi.exportBoard()).filename).toBe('轮训看板.xlsx')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/training/sign-in-template', '/api/v1/training/board/export'])
  })
})
