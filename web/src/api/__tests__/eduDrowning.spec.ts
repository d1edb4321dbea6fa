import { afterEach, describe, expect, it, vi } from 'vitest'
import { DROWNING_LOCATION_TYPES, DROWNING_REASONS, eduDrowningApi } from '@/api/eduDrowning'
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

describe('edu api: drowning warnings', () => {
  it('names the four reasons and the four locations with the server’s labels', () => {
    expect(DROWNING_REASONS).toEqual(['weekend', 'frequency', 'holiday', 'campaign'])
    expect(DROWNING_LOCATION_TYPES.map((l) => `${l.code}:${l.label}`)).toEqual(['urban:城区', 'township:镇区', 'rural:乡村', 'fringe:城乡结合部'])
  })

  it('reads the teacher’s warnings, the board and the campaigns with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [] }))
    await eduDrowningApi.warnings()
    await eduDrowningApi.warnings({ class_id: 7, date: '2026-06-05' })
    await eduDrowningApi.board()
    await eduDrowningApi.board({ period: 'custom', from: '2026-06-01', to: '2026-06-07', school_id: 21 })
    await eduDrowningApi.campaigns()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/drowning/warnings',
      'GET /api/v1/edu/drowning/warnings?class_id=7&date=2026-06-05',
      'GET /api/v1/edu/drowning/board',
      'GET /api/v1/edu/drowning/board?period=custom&from=2026-06-01&to=2026-06-07&school_id=21',
      'GET /api/v1/edu/drowning/campaigns',
    ])
  })

  it('reads a school’s board with its location, 重点, warning days and the missing classes’ grades', async () => {
    const none = { due: 0, done: 0, late: 0, missed: 0, rate: 0 }
    const sent = {
      scope: 'school',
      school_id: 21,
      school_name: '示范区双桥小学',
      location_type: 'township',
      location_type_label: '镇区',
      high_risk_school: true,
      days: 3,
      from: '2026-06-01',
      to: '2026-06-05',
      label: '2026年第23周',
      totals: { due: 3, done: 2, late: 0, missed: 1, rate: 2 / 3 },
      high_risk: { due: 3, done: 2, late: 0, missed: 1, rate: 2 / 3 },
      other: none,
      classes: [],
      missing: [{ class_id: 7, class_name: '2班', grade: 3, grade_label: '三年级', date: '2026-06-05' }],
    }
    stubFetch(() => json(sent))
    const b = await eduDrowningApi.board({ school_id: 21 })
    expect(b.scope).toBe('school')
    if (b.scope !== 'school') return
    expect([b.location_type, b.location_type_label, b.high_risk_school, b.days]).toEqual(['township', '镇区', true, 3])
    expect(b.missing.map((m) => `${m.grade}:${m.class_name}`)).toEqual(['3:2班'])
  })

  it('exports the board’s view as 防溺水提醒完成情况.xlsx', async () => {
    const calls = stubFetch(() => file('防溺水提醒完成情况.xlsx'))
    const d = await eduDrowningApi.exportBoard({ period: 'semester', school_id: 21 })
    expect(calls[0].url).toBe('/api/v1/edu/drowning/board/export?period=semester&school_id=21')
    expect(d.filename).toBe('防溺水提醒完成情况.xlsx')
  })

  it('records a warning, issues and withdraws a campaign at the contract’s routes with its bodies and the CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => (m === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 6 }, 201)))
    await eduDrowningApi.give({ class_id: 7, date: '2026-06-05', note: '结合暑假' })
    await eduDrowningApi.give({ class_id: 7, date: '2026-06-04' })
    const campaign = { title: '汛期防溺水预警', text: '不到河边玩耍', from: '2026-06-01', to: '2026-06-30', location_types: ['rural', 'fringe'] }
    await eduDrowningApi.createCampaign(campaign)
    await eduDrowningApi.removeCampaign(6)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/edu/drowning/warnings',
      'POST /api/v1/edu/drowning/warnings',
      'POST /api/v1/edu/drowning/campaigns',
      'DELETE /api/v1/edu/drowning/campaigns/6',
    ])
    expect(calls[0].body).toEqual({ class_id: 7, date: '2026-06-05', note: '结合暑假' })
    expect(calls[1].body).toEqual({ class_id: 7, date: '2026-06-04' })
    expect(calls[2].body).toEqual(campaign)
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('turns a warning already recorded into an ApiError naming the date', async () => {
    stubFetch(() => json({ error: { code: 'already_exists', message: '这天的防溺水提醒已经记录过了', details: [{ field: 'date', reason: '这天的防溺水提醒已经记录过了' }] } }, 409))
    const e = await eduDrowningApi.give({ class_id: 7, date: '2026-06-05' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(409)
    expect((e as ApiError).fieldErrors()).toEqual({ date: '这天的防溺水提醒已经记录过了' })
  })
})
