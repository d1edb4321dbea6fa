import { afterEach, describe, expect, it, vi } from 'vitest'
import { minorsApi } from '@/api/minors'
import { setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: unknown
  headers: Record<string, string>
}

function stubFetch(respond: () => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
        headers: init.headers as Record<string, string>,
      })
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

describe('minors api: grants to read students’ records', () => {
  it('reads the grants (all, or the caller’s own), the kinds and the report at the contract’s routes', async () => {
    const calls = stubFetch(() => json({ items: [] }))
    await minorsApi.grants()
    await minorsApi.grants(true)
    await minorsApi.kinds()
    await minorsApi.report(2026)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/minors/grants',
      'GET /api/v1/minors/grants?mine=true',
      'GET /api/v1/minors/kinds',
      'GET /api/v1/minors/access-report?year=2026',
    ])
  })

  it('requests, approves, refuses and revokes with the contract’s bodies and the CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch(() => json({ id: 5 }))
    await minorsApi.request({ unit_id: 21, kind: 'edu_letter_receipt', reason: '核查回执', days: 7 })
    await minorsApi.approve(5)
    await minorsApi.approve(5, '仅限本周')
    await minorsApi.refuse(6, '与工作无关')
    await minorsApi.revoke(5)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/minors/grants',
      'POST /api/v1/minors/grants/5/approve',
      'POST /api/v1/minors/grants/5/approve',
      'POST /api/v1/minors/grants/6/refuse',
      'POST /api/v1/minors/grants/5/revoke',
    ])
    expect(calls.map((c) => c.body)).toEqual([
      { unit_id: 21, kind: 'edu_letter_receipt', reason: '核查回执', days: 7 },
      {},
      { note: '仅限本周' },
      { note: '与工作无关' },
      undefined,
    ])
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('exports the report of a year as the server names it', async () => {
    stubFetch(
      () =>
        new Response('xlsx', {
          status: 200,
          headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E6%9C%AA%E6%88%90%E5%B9%B4%E4%BA%BA%E4%BF%A1%E6%81%AF%E6%9F%A5%E9%98%85%E6%8A%A5%E5%91%8A.xlsx" },
        }),
    )
    const file = await minorsApi.exportReport(2026)
    expect(file.filename).toBe('未成年人信息查阅报告.xlsx')
    expect((vi.mocked(fetch).mock.calls[0] as unknown[])[0]).toBe('/api/v1/minors/access-report/export?year=2026')
  })
})
