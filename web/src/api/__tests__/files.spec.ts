import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { filesApi, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../files'
import { ApiError, onSessionExpired, setCsrfToken } from '../http'

/** An XMLHttpRequest that records the request; the test sends progress and the answer. */
class FakeXhr {
  static last: FakeXhr | null = null
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown = null
  withCredentials = true
  status = 0
  responseText = ''
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  ontimeout: (() => void) | null = null

  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v
  }
  send(body: unknown) {
    this.body = body
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent)
  }
  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = body === undefined ? '' : JSON.stringify(body)
    this.onload?.()
  }
}

const stored = { id: 7, name: '现场.jpg', content_type: 'image/jpeg', size: 1_048_576, sha256: 'ab', url: '/api/v1/files/7' }

beforeEach(() => {
  FakeXhr.last = null
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})
afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('filesApi.upload', () => {
  it('names the 20 MB limit of the server', () => {
    expect(MAX_UPLOAD_MB).toBe(20)
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024)
  })

  it('reports the progress in percent and sends what request() sends: the CSRF header, the type, the name', async () => {
    setCsrfToken('tok-1')
    const seen: number[] = []
    const file = new Blob(['jpeg bytes'], { type: 'image/jpeg' })
    const done = filesApi.upload(file, '现场 照片.jpg', (p) => seen.push(p))
    const xhr = FakeXhr.last!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/v1/files?name=%E7%8E%B0%E5%9C%BA+%E7%85%A7%E7%89%87.jpg')
    expect(xhr.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'image/jpeg', 'X-CSRF-Token': 'tok-1' })
    expect(xhr.withCredentials).toBe(false) // same origin: the cookie goes along
    expect(xhr.body).toBe(file)
    xhr.progress(370, 1000)
    xhr.progress(371, 1000) // still 37 %
    xhr.progress(1000, 1000)
    xhr.answer(201, stored)
    await expect(done).resolves.toEqual(stored)
    expect(seen).toEqual([0, 37, 100])
  })

  it('turns a refusal into the same ApiError as request(): status, message, details', async () => {
    const done = filesApi.upload(new Blob(['x'], { type: 'image/png' }), 'a.png', () => {})
    FakeXhr.last!.answer(422, {
      error: { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'file', reason: '文件不能超过 20 MB' }], request_id: 'r9' },
    })
    const err = (await done.catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(422)
    expect(err.message).toBe('请检查输入')
    expect(err.requestId).toBe('r9')
    expect(err.fieldErrors()).toEqual({ file: '文件不能超过 20 MB' })
  })

  it('maps an answer without an envelope, a lost connection and an expired session like request()', async () => {
    let done = filesApi.upload(new Blob(['x']), 'big.pdf', () => {})
    FakeXhr.last!.answer(413, undefined)
    await expect(done).rejects.toMatchObject({ status: 413, message: '文件或请求过大' })

    done = filesApi.upload(new Blob(['x']), 'a.jpg', () => {})
    FakeXhr.last!.onerror!()
    await expect(done).rejects.toMatchObject({ status: 0, code: 'network', message: '无法连接服务器，请检查网络' })

    const expired: string[] = []
    onSessionExpired((m) => expired.push(m))
    done = filesApi.upload(new Blob(['x']), 'a.jpg', () => {})
    FakeXhr.last!.answer(401, { error: { code: 'unauthenticated', message: '会话已过期，请重新登录', details: [] } })
    await expect(done).rejects.toMatchObject({ status: 401 })
    expect(expired).toEqual(['会话已过期，请重新登录'])
  })

  it('still goes through fetch without a progress handler', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(stored), { status: 201 }))
    vi.stubGlobal('fetch', fetchMock)
    await expect(filesApi.upload(new Blob(['x'], { type: 'image/jpeg' }), 'a.jpg')).resolves.toEqual(stored)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(FakeXhr.last).toBeNull()
  })
})
