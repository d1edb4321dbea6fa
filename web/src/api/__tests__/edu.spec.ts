import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { edu1530Api, eduClassesApi } from '@/api/edu'

interface Call {
  url: string
  method: string
  body: unknown
  contentType: string
}

function stubFetch(respond: (url: string, init: RequestInit) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = (init.headers ?? {}) as Record<string, string>
      const json = headers['Content-Type'] === 'application/json'
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: init.body === undefined ? undefined : json ? JSON.parse(String(init.body)) : init.body,
        contentType: headers['Content-Type'] ?? '',
      })
      return respond(url, init)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })
const file = (name: string) =>
  new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

afterEach(() => vi.unstubAllGlobals())

describe('edu api: classes', () => {
  it('lists with only the filters that are set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await eduClassesApi.list({ school_id: 21, grade: 0, q: '2班', teacher: 'school1_teacher', include_inactive: true, page: 2, page_size: 20 })
    await eduClassesApi.list()
    const u = new URL(calls[0].url, 'http://x')
    expect(u.pathname).toBe('/api/v1/edu/classes')
    expect(Object.fromEntries(u.searchParams)).toEqual({
      school_id: '21',
      grade: '0',
      q: '2班',
      teacher: 'school1_teacher',
      include_inactive: 'true',
      page: '2',
      page_size: '20',
    })
    expect(calls[1].url).toBe('/api/v1/edu/classes')
  })

  it('creates and updates at the contract’s routes with its bodies', async () => {
    const calls = stubFetch(() => json({ id: 5 }))
    await eduClassesApi.create({ school_id: 21, grade: 3, name: '2班', teacher: 'school1_teacher', students: 45 })
    await eduClassesApi.update(5, { grade: 3, name: '三年级2班', teacher: '', students: 0, active: false, version: 4 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/edu/classes', 'PUT /api/v1/edu/classes/5'])
    expect(calls[0].body).toEqual({ school_id: 21, grade: 3, name: '2班', teacher: 'school1_teacher', students: 45 })
    expect(calls[1].body).toEqual({ grade: 3, name: '三年级2班', teacher: '', students: 0, active: false, version: 4 })
  })

  it('downloads the template and the export, and imports the file’s bytes with its format', async () => {
    const calls = stubFetch((u) => (u.includes('/import?') ? json({ applied: true, rows: 2, created: 2, updated: 0, failed: 0, errors: [] }) : file('班级.xlsx')))
    const template = await eduClassesApi.template()
    const all = await eduClassesApi.export()
    await eduClassesApi.export(21)
    const bytes = new File(['a,b'], '班级.csv', { type: 'text/csv' })
    const report = await eduClassesApi.import(bytes)
    await eduClassesApi.import(new File(['x'], '班级.xlsx'))
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/classes/import-template',
      'GET /api/v1/edu/classes/export',
      'GET /api/v1/edu/classes/export?school_id=21',
      'POST /api/v1/edu/classes/import?format=csv',
      'POST /api/v1/edu/classes/import?format=xlsx',
    ])
    expect(template.filename).toBe('班级.xlsx')
    expect(all.filename).toBe('班级.xlsx')
    expect(calls[3].body).toBe(bytes)
    expect(report).toMatchObject({ applied: true, created: 2 })
  })

  it('answers a refused import with its report, not an error', async () => {
    const refused = { applied: false, rows: 3, created: 0, updated: 0, failed: 1, errors: [{ row: 3, column: '班主任用户名', reason: '用户不存在' }] }
    stubFetch(() => json(refused, 422))
    expect(await eduClassesApi.import(new File(['x'], 'c.xlsx'))).toEqual(refused)
  })

  it('turns a version conflict into an ApiError', async () => {
    stubFetch(() => json({ error: { code: 'conflict', message: '班级已被他人修改，请刷新后重试', details: [] } }, 409))
    const e = await eduClassesApi.update(5, { grade: 1, name: '1班', teacher: '', students: 40, active: true, version: 1 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(409)
  })
})

describe('edu api: 1530', () => {
  it('reads the sessions, the topics and the completion with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [] }))
    await edu1530Api.sessions()
    await edu1530Api.sessions({ class_id: 7, date: '2026-12-07' })
    await edu1530Api.topics()
    await edu1530Api.completion()
    await edu1530Api.completion({ period: 'semester', school_id: 21 })
    await edu1530Api.completion({ period: 'custom', from: '2026-11-01', to: '2026-11-30' })
    await edu1530Api.completion({ period: 'week', date: '2026-12-07' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/1530/sessions',
      'GET /api/v1/edu/1530/sessions?class_id=7&date=2026-12-07',
      'GET /api/v1/edu/1530/topics',
      'GET /api/v1/edu/1530/completion',
      'GET /api/v1/edu/1530/completion?period=semester&school_id=21',
      'GET /api/v1/edu/1530/completion?period=custom&from=2026-11-01&to=2026-11-30',
      'GET /api/v1/edu/1530/completion?period=week&date=2026-12-07',
    ])
  })

  it('checks in with the body as given, and exports the completion with the same parameters', async () => {
    const calls = stubFetch((u) => (u.includes('/export') ? file('1530完成情况.xlsx') : json({ class_id: 7 }, 201)))
    await edu1530Api.checkIn({ class_id: 7, date: '2026-12-07', kind: 'daily', topic: 'drowning', note: '讲了防溺水', file_ids: [41] })
    await edu1530Api.checkIn({ class_id: 7, date: '2026-12-04', kind: 'weekly' })
    const f = await edu1530Api.exportCompletion({ period: 'week', school_id: 21 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/edu/1530/checkins',
      'POST /api/v1/edu/1530/checkins',
      'GET /api/v1/edu/1530/completion/export?period=week&school_id=21',
    ])
    expect(calls[0].body).toEqual({ class_id: 7, date: '2026-12-07', kind: 'daily', topic: 'drowning', note: '讲了防溺水', file_ids: [41] })
    expect(calls[1].body).toEqual({ class_id: 7, date: '2026-12-04', kind: 'weekly' })
    expect(f.filename).toBe('1530完成情况.xlsx')
  })

  it('turns a refused check-in into an ApiError with the field', async () => {
    stubFetch(() => json({ error: { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'date', reason: '已超过补录期限（3天）' }] } }, 422))
    const e = await edu1530Api.checkIn({ class_id: 7, date: '2026-11-01', kind: 'daily' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).fieldErrors()).toEqual({ date: '已超过补录期限（3天）' })
  })
})
