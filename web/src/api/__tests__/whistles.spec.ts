import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { whistleReportsApi, whistleRoutesApi, whistleStatsApi, whistlesApi } from '@/api/whistles'

interface Call {
  url: string
  method: string
  body: unknown
}

function stubFetch(respond: (url: string, init: RequestInit) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined })
      return respond(url, init)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => vi.unstubAllGlobals())

describe('whistles api', () => {
  it('lists with only the filters that are set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await whistlesApi.list({ state: 'waiting', category: 'traffic', overdue: 1, todo: 1, q: '人行横道', page: 2, page_size: 20 })
    await whistlesApi.list()
    const u = new URL(calls[0].url, 'http://x')
    expect(u.pathname).toBe('/api/v1/whistles')
    expect(Object.fromEntries(u.searchParams)).toEqual({
      state: 'waiting',
      category: 'traffic',
      overdue: '1',
      todo: '1',
      q: '人行横道',
      page: '2',
      page_size: '20',
    })
    expect(calls[1].url).toBe('/api/v1/whistles')
  })

  it('raises, reads and takes each step at the contract’s routes with its body', async () => {
    const calls = stubFetch(() => json({ id: 12 }))
    await whistlesApi.create({
      school_id: 21,
      title: '校门口缺少人行横道',
      description: '',
      category: 'traffic',
      place: 'around',
      location: '校门外解放路',
      severity: 'general',
      interim_measures: '',
      file_ids: [3],
    })
    await whistlesApi.get(12)
    await whistlesApi.acknowledge(12)
    await whistlesApi.acknowledge(12, '已收到')
    await whistlesApi.feedback(12, '已协调', false)
    await whistlesApi.feedback(12, '已施划', true, [41, 42])
    await whistlesApi.confirm(12)
    await whistlesApi.sendBack(12, '仍未施划')
    await whistlesApi.route(12, [30, 31])
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/whistles',
      'GET /api/v1/whistles/12',
      'POST /api/v1/whistles/12/acknowledge',
      'POST /api/v1/whistles/12/acknowledge',
      'POST /api/v1/whistles/12/feedback',
      'POST /api/v1/whistles/12/feedback',
      'POST /api/v1/whistles/12/confirm',
      'POST /api/v1/whistles/12/send-back',
      'POST /api/v1/whistles/12/route',
    ])
    expect(calls[0].body).toMatchObject({ school_id: 21, category: 'traffic', file_ids: [3] })
    expect(calls[2].body).toEqual({})
    expect(calls[3].body).toEqual({ note: '已收到' })
    expect(calls[4].body).toEqual({ note: '已协调', final: false, file_ids: [] })
    expect(calls[5].body).toEqual({ note: '已施划', final: true, file_ids: [41, 42] })
    expect(calls[7].body).toEqual({ note: '仍未施划' })
    expect(calls[8].body).toEqual({ department_ids: [30, 31] })
  })

  it('reads and saves the routing table, reads and exports the statistics', async () => {
    const calls = stubFetch((u) =>
      u.includes('/export') ? new Response('xlsx', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%90%B9.xlsx" } }) : json({}),
    )
    await whistleRoutesApi.get()
    await whistleRoutesApi.save([{ category: 'traffic', department_ids: [30] }])
    await whistleStatsApi.get('2026-01-01', '2026-12-05')
    await whistleStatsApi.get()
    const file = await whistleStatsApi.export('2026-01-01', '2026-12-05')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/whistle-routes',
      'PUT /api/v1/whistle-routes',
      'GET /api/v1/whistle-stats?from=2026-01-01&to=2026-12-05',
      'GET /api/v1/whistle-stats',
      'GET /api/v1/whistle-stats/export?from=2026-01-01&to=2026-12-05',
    ])
    expect(calls[1].body).toEqual({ routes: [{ category: 'traffic', department_ids: [30] }] })
    expect(file.filename).toBe('吹.xlsx')
  })

  it('turns a whistle into a hazard, files and reads the periodic reports', async () => {
    const calls = stubFetch(() => json({}))
    await whistlesApi.toHazard(12)
    await whistlesApi.toHazard(12, { domain: 'traffic', level: 'major' })
    await whistlesApi.list({ hazard_id: 5 })
    await whistleReportsApi.school(21)
    await whistleReportsApi.file(21)
    await whistleReportsApi.file(21, '已安排护导')
    await whistleReportsApi.board('2026-11')
    await whistleReportsApi.board()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/whistles/12/hazard',
      'POST /api/v1/whistles/12/hazard',
      'GET /api/v1/whistles?hazard_id=5',
      'GET /api/v1/schools/21/whistle-reports',
      'POST /api/v1/schools/21/whistle-reports',
      'POST /api/v1/schools/21/whistle-reports',
      'GET /api/v1/whistle-reports?month=2026-11',
      'GET /api/v1/whistle-reports',
    ])
    expect(calls[0].body).toEqual({})
    expect(calls[1].body).toEqual({ domain: 'traffic', level: 'major' })
    expect(calls[4].body).toEqual({})
    expect(calls[5].body).toEqual({ note: '已安排护导' })
  })

  it('turns a refusal into an ApiError with the field', async () => {
    stubFetch(() =>
      json({ error: { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'interim_measures', reason: '重大事项须填写临时措施' }] } }, 422),
    )
    const e = await whistlesApi.create({} as never).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).fieldErrors()).toEqual({ interim_measures: '重大事项须填写临时措施' })
  })
})
