// The login page's first load as a phone on a new browser makes it: every request, its bytes on
// the wire and its content coding, recorded in e2e-results/first-load.json. The build's
// precompressed copies must be what is sent, the chart library must not load, and the browser's
// console must stay free of errors (no 401 for the session question).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PHONE, byTest, launchBrowser, newPage, resultsDir, startServer } from './harness.mjs'

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/**
 * What the login page may transfer at most (428.7 KB with Brotli when Element Plus and every icon
 * were registered whole; 217.8 KB on 2026-12-05 with Element Plus imported per component and only
 * the menu's icons registered by name).
 */
const BUDGET_BYTES = 400 * 1024

describe('the first load of the login page', () => {
  it('is sent compressed, without charts, within its budget, with a clean console', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    const consoleErrors = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const requests = new Map()
    cdp.on('Network.responseReceived', (e) => {
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]))
      requests.set(e.requestId, { url: e.response.url, status: e.response.status, encoding: h['content-encoding'] ?? '', type: h['content-type'] ?? '', bytes: 0 })
    })
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId)
      if (r) r.bytes = e.encodedDataLength
    })

    await page.goto(`${server.url}/login`)
    await page.waitForSelector(byTest('login-username'))
    await page.waitForLoadState('networkidle')

    const list = [...requests.values()]
    const total = list.reduce((n, r) => n + r.bytes, 0)
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(join(resultsDir, 'first-load.json'), JSON.stringify({ total_bytes: total, budget_bytes: BUDGET_BYTES, requests: list }, null, 2))
    console.log(`login page first load: ${(total / 1024).toFixed(1)} KB on the wire in ${list.length} requests`)

    const scripts = list.filter((r) => /\.(js|css)$/.test(new URL(r.url).pathname))
    assert.ok(scripts.length >= 2, JSON.stringify(list))
    // The build compresses every text file of 1 KB or more; smaller ones go as they are.
    for (const r of scripts) {
      if (r.bytes > 1600) assert.match(r.encoding, /^(br|gzip)$/, `${r.url} is sent compressed`)
    }
    assert.ok(scripts.some((r) => r.encoding === 'br'), 'Brotli where the browser takes it')
    assert.equal(list.filter((r) => /echarts/.test(r.url)).length, 0, 'the chart library waits for the first chart')
    const session = list.find((r) => r.url.endsWith('/api/v1/auth/session'))
    assert.equal(session?.status, 200, 'the session question is answered 200 without a session')
    assert.equal(list.filter((r) => r.status >= 400).length, 0, JSON.stringify(list.filter((r) => r.status >= 400)))
    assert.deepEqual(consoleErrors, [])
    assert.deepEqual(errors, [])
    assert.ok(total <= BUDGET_BYTES, `${total} bytes on the wire, the budget is ${BUDGET_BYTES}`)
    await context.close()
  })
})
