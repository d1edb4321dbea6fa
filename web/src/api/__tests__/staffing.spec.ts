import { afterEach, describe, expect, it, vi } from 'vitest'
import { STAFFING_BOARD_EXPORT_PATH, STAFFING_MEMBERS_MAX, staffingApi } from '@/api/staffing'
import { setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: BodyInit | null | undefined
  headers: Record<string, string>
}

function stubFetch(respond: () => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body, headers: init.headers as Record<string, string> })
      return respond()
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('staffing api: 安全监管机构', () => {
  it('reads a unit’s office and the board', async () => {
    const calls = stubFetch(() => json({}))
    await staffingApi.office(21)
    await staffingApi.board()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/staffing/offices/21', 'GET /api/v1/staffing/board'])
    expect(STAFFING_MEMBERS_MAX).toBe(50)
  })

  it('writes the whole office as JSON with the version read and the CSRF header', async () => {
    setCsrfToken('tok')
    const calls = stubFetch(() => json({}))
    const body = { version: 3, name: '安全办公室', members: [{ name: '秦晓东', post: '专职安全员', full_time: true, qualifications: '注册安全工程师', phone: '' }] }
    await staffingApi.save(21, body)
    expect(calls[0].method).toBe('PUT')
    expect(calls[0].url).toBe('/api/v1/staffing/offices/21')
    expect(JSON.parse(String(calls[0].body))).toEqual(body)
    expect(calls[0].headers['X-CSRF-Token']).toBe('tok')
  })

  it('downloads 安全监管机构.xlsx with the name the server gives', async () => {
    const calls = stubFetch(
      () => new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('安全监管机构.xlsx')}` } }),
    )
    const file = await staffingApi.exportBoard()
    expect(calls[0].url).toBe(STAFFING_BOARD_EXPORT_PATH)
    expect(file.filename).toBe('安全监管机构.xlsx')
  })
})
