import { afterEach, describe, expect, it, vi } from 'vitest'
import { BUS_DRIVER_FLAGS, BUS_KINDS, BUS_LICENCE_CLASSES, BUS_SHEET_KINDS, busApi, busListsApi, hasSheet, requiredLicenceClass } from '@/api/bus'
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
const file = (name: string) =>
  new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('bus api: 校车台账', () => {
  it('names the six registries in the page’s order (those in spreadsheets: not the outings), the licence classes and the background check', () => {
    expect(BUS_KINDS).toEqual(['routes', 'vehicles', 'drivers', 'monitors', 'providers', 'outings'])
    expect(BUS_SHEET_KINDS).toEqual(['routes', 'vehicles', 'drivers', 'monitors', 'providers'])
    expect(BUS_KINDS.filter(hasSheet)).toEqual(BUS_SHEET_KINDS)
    expect(BUS_LICENCE_CLASSES).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'C1'])
    expect(BUS_DRIVER_FLAGS).toEqual([
      'full_points_in_3_cycles',
      'fatal_accident_responsibility',
      'drink_driving',
      'overload_or_speeding_last_year',
      'criminal_record',
    ])
  })

  it('tells the licence class a vehicle needs: more than 19 seats A1, 10 to 19 B1, fewer C1', () => {
    expect([80, 20, 19, 10, 9, 1].map(requiredLicenceClass)).toEqual(['A1', 'A1', 'B1', 'B1', 'C1', 'C1'])
  })

  it('reads each registry, a record and the survey with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    for (const kind of BUS_KINDS) await busApi.list(kind)
    await busApi.list('vehicles', { unit_id: 21, provider_id: 1, include_inactive: true, q: '浙A', page: 2, page_size: 20 })
    await busApi.get('routes', 41)
    await busApi.survey()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/bus/routes',
      'GET /api/v1/bus/vehicles',
      'GET /api/v1/bus/drivers',
      'GET /api/v1/bus/monitors',
      'GET /api/v1/bus/providers',
      'GET /api/v1/bus/outings',
      'GET /api/v1/bus/vehicles?unit_id=21&provider_id=1&include_inactive=true&q=%E6%B5%99A&page=2&page_size=20',
      'GET /api/v1/bus/routes/41',
      'GET /api/v1/bus/survey',
    ])
  })

  it('exports the survey as 校车底数.xlsx', async () => {
    const calls = stubFetch(() => file('校车底数.xlsx'))
    const d = await busApi.exportSurvey()
    expect(calls[0].url).toBe('/api/v1/bus/survey/export')
    expect(d.filename).toBe('校车底数.xlsx')
  })

  it('asks each registry’s template and export by its list, and imports a file with its list and format', async () => {
    const downloads = stubFetch(() => file('校车车辆导入模板.xlsx'))
    for (const kind of BUS_SHEET_KINDS) await busListsApi.template(kind)
    const d = await busListsApi.export('vehicles')
    expect(downloads.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/bus/import-template?list=routes',
      'GET /api/v1/bus/import-template?list=vehicles',
      'GET /api/v1/bus/import-template?list=drivers',
      'GET /api/v1/bus/import-template?list=monitors',
      'GET /api/v1/bus/import-template?list=providers',
      'GET /api/v1/bus/export?list=vehicles',
    ])
    expect(d.filename).toBe('校车车辆导入模板.xlsx')
    vi.unstubAllGlobals()

    const report = {
      rows: 2,
      created: 0,
      updated: 0,
      removed: 0,
      failed: 1,
      applied: false,
      errors: [{ row: 3, column: '车牌号', reason: '车牌号格式不正确' }],
    }
    const uploads: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        uploads.push(`${init.method} ${url}`)
        return json(report, 422)
      }),
    )
    // A refused file is the report, not an error.
    expect(await busListsApi.import('drivers', new File(['x'], '驾驶人.csv'))).toEqual(report)
    await busListsApi.import('vehicles', new File(['x'], '车辆.xlsx'))
    expect(uploads).toEqual(['POST /api/v1/bus/import?list=drivers&format=csv', 'POST /api/v1/bus/import?list=vehicles&format=xlsx'])
  })

  it('registers and edits at the contract’s routes with its bodies and the CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => json({ id: 6 }, m === 'POST' ? 201 : 200))
    const body = { name: '赵秀兰', trained_on: '2026-08-25', note: '' }
    await busApi.create('monitors', { unit_id: 21, ...body })
    await busApi.update('monitors', 6, { ...body, active: false, version: 2 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/bus/monitors', 'PUT /api/v1/bus/monitors/6'])
    expect(calls[0].body).toEqual({ unit_id: 21, ...body })
    expect(calls[1].body).toEqual({ ...body, active: false, version: 2 })
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('records and edits an outing at /api/v1/bus/outings with its day, times, riders and parts', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => json({ id: 51 }, m === 'POST' ? 201 : 200))
    const body = {
      purpose: '冬季社会实践活动',
      destination: '区青少年活动中心',
      date: '2026-12-17',
      leave_at: '08:10',
      return_at: '15:30',
      riders: 30,
      vehicle_id: 11,
      driver_id: 21,
      monitor_id: 31,
      note: '',
    }
    await busApi.create('outings', { unit_id: 21, ...body })
    await busApi.update('outings', 51, { ...body, active: true, version: 1 })
    await busApi.list('outings', { unit_id: 21, q: '研学' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/bus/outings',
      'PUT /api/v1/bus/outings/51',
      'GET /api/v1/bus/outings?unit_id=21&q=%E7%A0%94%E5%AD%A6',
    ])
    expect(calls[0].body).toEqual({ unit_id: 21, ...body })
    expect(calls[1].body).toEqual({ ...body, active: true, version: 1 })
  })

  it('turns a refused route into an ApiError naming the vehicle', async () => {
    stubFetch(() =>
      json(
        {
          error: {
            code: 'invalid_argument',
            message: '请检查输入',
            details: [{ field: 'vehicle_id', reason: '车辆不符合校车条件：校车标牌已过期（2026-11-30）' }],
          },
        },
        422,
      ),
    )
    const e = await busApi
      .create('routes', {
        unit_id: 21,
        name: '双桥—河西线',
        stops: '',
        leave_at: '',
        return_at: '',
        riders: 15,
        vehicle_id: 12,
        driver_id: 21,
        monitor_id: 31,
        note: '',
      })
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(422)
    expect((e as ApiError).fieldErrors()).toEqual({ vehicle_id: '车辆不符合校车条件：校车标牌已过期（2026-11-30）' })
  })
})
