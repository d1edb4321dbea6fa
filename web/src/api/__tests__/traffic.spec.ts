import { afterEach, describe, expect, it, vi } from 'vitest'
import { CAMPUS_VEHICLE_CLASSES, GATE_KINDS, TRAFFIC_KINDS, trafficApi, trafficListsApi } from '@/api/traffic'
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

describe('traffic api: 校园交通', () => {
  it('names the two registries, the vehicle classes and what the gate checks', () => {
    expect(TRAFFIC_KINDS).toEqual(['vehicles', 'ebikes'])
    expect(CAMPUS_VEHICLE_CLASSES).toEqual(['staff', 'service', 'visitor'])
    expect(GATE_KINDS).toEqual(['vehicle', 'ebike'])
  })

  it('reads each registry, a record and the refusals with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await trafficApi.list('vehicles')
    await trafficApi.list('ebikes')
    await trafficApi.list('vehicles', { unit_id: 21, vehicle_class: 'service', include_inactive: true, q: '浙A', page: 2, page_size: 20 })
    await trafficApi.list('ebikes', { unit_id: 21, q: '校1' })
    await trafficApi.get('vehicles', 13)
    await trafficApi.get('ebikes', 17)
    await trafficApi.refusals()
    await trafficApi.refusals({ unit_id: 21, kind: 'ebike', from: '2026-12-07', to: '2026-12-07', page: 1, page_size: 50 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/traffic/vehicles',
      'GET /api/v1/traffic/ebikes',
      'GET /api/v1/traffic/vehicles?unit_id=21&vehicle_class=service&include_inactive=true&q=%E6%B5%99A&page=2&page_size=20',
      'GET /api/v1/traffic/ebikes?unit_id=21&q=%E6%A0%A11',
      'GET /api/v1/traffic/vehicles/13',
      'GET /api/v1/traffic/ebikes/17',
      'GET /api/v1/traffic/gate-refusals',
      'GET /api/v1/traffic/gate-refusals?unit_id=21&kind=ebike&from=2026-12-07&to=2026-12-07&page=1&page_size=50',
    ])
  })

  it('registers and edits at the contract’s routes with its bodies and the CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => json({ id: 6 }, m === 'POST' ? 201 : 200))
    const vehicle = {
      vehicle_class: 'service' as const,
      plate: '浙A31012',
      owner: '食堂配送（绿源农产品公司）',
      gates: ['北门'],
      from: '06:00',
      to: '08:00',
      valid_from: '2026-09-08',
      valid_until: '2027-09-08',
      note: '',
    }
    await trafficApi.create('vehicles', { unit_id: 21, ...vehicle })
    await trafficApi.update('vehicles', 13, { ...vehicle, active: false, version: 2 })
    const ebike = { owner: '李老师', licence_plate: '', campus_plate: '校101', checked_on: '2026-10-18', modified: false, note: '' }
    await trafficApi.create('ebikes', { unit_id: 21, ...ebike })
    await trafficApi.update('ebikes', 17, { ...ebike, active: true, version: 1 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/traffic/vehicles',
      'PUT /api/v1/traffic/vehicles/13',
      'POST /api/v1/traffic/ebikes',
      'PUT /api/v1/traffic/ebikes/17',
    ])
    expect(calls[0].body).toEqual({ unit_id: 21, ...vehicle })
    expect(calls[1].body).toEqual({ ...vehicle, active: false, version: 2 })
    expect(calls[2].body).toEqual({ unit_id: 21, ...ebike })
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('checks a plate at the gate: allowed (200) and refused with the refusal recorded (201) are both answers', async () => {
    setCsrfToken('csrf-2')
    const refusal = {
      id: 25,
      unit_id: 21,
      unit_name: '示范区双桥小学',
      kind: 'ebike',
      gate: '南门',
      plate: '校101',
      subject_id: 17,
      reason: '电动自行车不得进入：无号牌',
      on: '2026-12-07',
      at: '2026-12-06T20:19:42Z',
      recorded_by: 'school1_safety',
      recorded_by_name: '安全干部',
    }
    const answers = [
      json({ allowed: true, reason: '电动自行车准许进入', subject_id: 16, refusal: null }),
      json({ allowed: false, reason: '电动自行车不得进入：无号牌', subject_id: 17, refusal }, 201),
    ]
    const calls = stubFetch(() => answers.shift()!)
    const ok = await trafficApi.check({ unit_id: 21, kind: 'ebike', gate: '南门', plate: '校100' })
    const no = await trafficApi.check({ unit_id: 21, kind: 'ebike', gate: '南门', plate: '校101' })
    expect(ok).toEqual({ allowed: true, reason: '电动自行车准许进入', subject_id: 16, refusal: null })
    expect(no.allowed).toBe(false)
    expect(no.refusal).toEqual(refusal)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/traffic/gate-checks', 'POST /api/v1/traffic/gate-checks'])
    expect(calls[0].body).toEqual({ unit_id: 21, kind: 'ebike', gate: '南门', plate: '校100' })
    expect(calls[0].headers['X-CSRF-Token']).toBe('csrf-2')
  })

  it('turns a refused check into an ApiError naming the fields', async () => {
    stubFetch(() =>
      json(
        {
          error: {
            code: 'invalid_argument',
            message: '字段 gate 无效：请填写校门',
            details: [
              { field: 'gate', reason: '请填写校门' },
              { field: 'plate', reason: '请填写号牌' },
            ],
          },
        },
        422,
      ),
    )
    const e = await trafficApi.check({ unit_id: 21, kind: 'vehicle', gate: '', plate: '' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(422)
    expect((e as ApiError).fieldErrors()).toEqual({ gate: '请填写校门', plate: '请填写号牌' })
  })

  it('asks each list’s template and export by its list, and imports a file with its list and format', async () => {
    const file = (name: string) =>
      new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })
    const downloads = stubFetch(() => file('电动自行车.xlsx'))
    for (const kind of TRAFFIC_KINDS) await trafficListsApi.template(kind)
    const d = await trafficListsApi.export('ebikes')
    expect(downloads.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/traffic/import-template?list=vehicles',
      'GET /api/v1/traffic/import-template?list=ebikes',
      'GET /api/v1/traffic/export?list=ebikes',
    ])
    expect(d.filename).toBe('电动自行车.xlsx')
    vi.unstubAllGlobals()

    const report = { rows: 1, created: 0, updated: 0, removed: 0, failed: 1, applied: false, errors: [{ row: 2, column: '已改装', reason: '须为 是 或 否' }] }
    const uploads: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        uploads.push(`${init.method} ${url}`)
        return json(report, 422)
      }),
    )
    // A refused file is the report, not an error.
    expect(await trafficListsApi.import('ebikes', new File(['x'], '电动自行车.xlsx'))).toEqual(report)
    await trafficListsApi.import('vehicles', new File(['x'], '校内车辆.csv'))
    expect(uploads).toEqual(['POST /api/v1/traffic/import?list=ebikes&format=xlsx', 'POST /api/v1/traffic/import?list=vehicles&format=csv'])
  })
})
