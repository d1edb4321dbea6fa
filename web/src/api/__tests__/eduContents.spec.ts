import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { eduContentsApi } from '@/api/eduContents'

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
      calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) })
      return respond(url, init)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => vi.unstubAllGlobals())

describe('edu api: 1530 reminder texts', () => {
  it('reads, edits and puts back at the contract’s route: the body as given, the DELETE by query', async () => {
    const calls = stubFetch(() => json({ topic: 'holiday_travel', age_group: 'lower_primary' }))
    await eduContentsApi.list()
    await eduContentsApi.update({ topic: 'holiday_travel', age_group: 'lower_primary', text: '外出要告诉家长去哪里。', version: 2 })
    const back = await eduContentsApi.reset({ topic: 'holiday_travel', age_group: 'lower_primary' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/1530/contents',
      'PUT /api/v1/edu/1530/contents',
      'DELETE /api/v1/edu/1530/contents?topic=holiday_travel&age_group=lower_primary',
    ])
    expect(calls[1].body).toStrictEqual({ topic: 'holiday_travel', age_group: 'lower_primary', text: '外出要告诉家长去哪里。', version: 2 })
    expect(calls[2].body).toBeUndefined()
    // The DELETE answers the item as it now stands.
    expect(back).toEqual({ topic: 'holiday_travel', age_group: 'lower_primary' })
  })

  it('turns a stale edit into an ApiError with its code', async () => {
    stubFetch(() => json({ error: { code: 'edu_content.stale', message: '该提醒内容刚被他人修改', details: [] } }, 409))
    const err = await eduContentsApi.update({ topic: 'fire', age_group: 'junior', text: 'x', version: 1 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(409)
    expect((err as ApiError).code).toBe('edu_content.stale')
  })
})
