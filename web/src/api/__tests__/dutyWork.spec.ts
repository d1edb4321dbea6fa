// 全区工作's API: the paths, the kind filter, the bodies with the CSRF header and the version read,
// the reports and their withdrawal by due day, the workbook, and the server's refusals as ApiErrors.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WORK_EXPORT_PATH, WORK_IMPORT_PATH, WORK_KINDS, WORK_REPEATS, WORK_STATES, WORK_TEMPLATE_PATH, workApi } from '@/api/dutyWork'
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
const refusal = (status: number, code: string, message: string, details: { field: string; reason: string }[] = []) => json({ error: { code, message, details } }, status)

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

const BODY = {
  kind: 'common',
  title: '开学安全检查',
  detail: '',
  measures: [6, 11],
  lead_section_id: 2,
  targets: [21, 22],
  schedule: { repeat: 'monthly', due: null, day: 25, from: '2026-07-01', until: '2026-12-31' },
}

describe('duties api: 全区工作', () => {
  it('names the kinds, the recurrences and the states in the pages’ order, and the workbooks’ paths', () => {
    expect(WORK_KINDS).toEqual(['common', 'key', 'routine'])
    expect(WORK_REPEATS).toEqual(['once', 'weekly', 'monthly', 'quarterly'])
    expect(WORK_STATES).toEqual(['pending', 'due_soon', 'overdue', 'done', 'done_late'])
    expect(WORK_EXPORT_PATH).toBe('/api/v1/duties/work/export')
    expect(WORK_IMPORT_PATH).toBe('/api/v1/duties/work/import')
    expect(WORK_TEMPLATE_PATH).toBe('/api/v1/duties/work/import-template')
  })

  it('reads the items (of a kind), an item, the unit’s own and the board (of a kind)', async () => {
    const calls = stubFetch(() => json({}))
    await workApi.list()
    await workApi.list('key')
    await workApi.get(7)
    await workApi.mine()
    await workApi.board()
    await workApi.board('routine')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/duties/work',
      'GET /api/v1/duties/work?kind=key',
      'GET /api/v1/duties/work/7',
      'GET /api/v1/duties/work/mine',
      'GET /api/v1/duties/work/board',
      'GET /api/v1/duties/work/board?kind=routine',
    ])
  })

  it('deploys, changes with the version read and deletes at it, as JSON with the CSRF header', async () => {
    setCsrfToken('tok')
    const calls = stubFetch((_url, method) => (method === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 7 }, method === 'POST' ? 201 : 200)))
    expect(await workApi.create(BODY)).toEqual({ id: 7 })
    await workApi.update(7, { ...BODY, version: 3 })
    expect(await workApi.remove(7, 4)).toBeUndefined()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/duties/work', 'PUT /api/v1/duties/work/7', 'DELETE /api/v1/duties/work/7?version=4'])
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'tok')).toBe(true)
    expect(JSON.parse(String(calls[0].body))).toEqual(BODY)
    expect(JSON.parse(String(calls[1].body))).toEqual({ ...BODY, version: 3 })
  })

  it('reports a due day done and withdraws it by the day', async () => {
    setCsrfToken('tok')
    const calls = stubFetch((_url, method) => (method === 'DELETE' ? new Response(null, { status: 204 }) : json({ item_id: 7, due: '2026-09-25' }, 201)))
    await workApi.report(7, { due: '2026-09-25', done_on: '2026-09-26', note: '已检查' })
    await workApi.report(7, { due: '2026-10-23' })
    await workApi.withdraw(7, '2026-09-25')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/duties/work/7/reports',
      'POST /api/v1/duties/work/7/reports',
      'DELETE /api/v1/duties/work/7/reports/2026-09-25',
    ])
    expect(JSON.parse(String(calls[0].body))).toEqual({ due: '2026-09-25', done_on: '2026-09-26', note: '已检查' })
    expect(JSON.parse(String(calls[1].body))).toEqual({ due: '2026-10-23' })
    expect(calls[2].headers['X-CSRF-Token']).toBe('tok')
  })

  it('downloads 全区工作.xlsx with the server’s name', async () => {
    const calls = stubFetch(
      () => new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('全区工作.xlsx')}` } }),
    )
    expect((await workApi.exportItems()).filename).toBe('全区工作.xlsx')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/duties/work/export'])
  })

  it('tells the refusals as ApiErrors: the fields, a stale version, a day reported already, a unit refused', async () => {
    let answer = refusal(422, 'invalid_argument', '请求参数无效', [
      { field: 'schedule.until', reason: '结束日期不能早于开始日期' },
      { field: 'targets[1]', reason: '单位重复' },
    ])
    stubFetch(() => answer)
    let e = (await workApi.create(BODY).catch((x: unknown) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.fieldErrors()).toEqual({ 'schedule.until': '结束日期不能早于开始日期', 'targets[1]': '单位重复' })
    answer = refusal(409, 'duty.stale', '这项工作刚被他人修改，请刷新后再试')
    e = (await workApi.update(7, { ...BODY, version: 1 }).catch((x: unknown) => x)) as ApiError
    expect([e.status, e.code]).toEqual([409, 'duty.stale'])
    answer = refusal(409, 'duty.work.reported', '2026-09-25 这一期已报告完成，如需更正请先撤回')
    e = (await workApi.report(7, { due: '2026-09-25' }).catch((x: unknown) => x)) as ApiError
    expect([e.status, e.code]).toEqual([409, 'duty.work.reported'])
    answer = refusal(403, 'permission_denied', '全区工作由教育局及其内设科室部署和查看')
    e = (await workApi.list().catch((x: unknown) => x)) as ApiError
    expect(e.status).toBe(403)
  })
})
