// List pages in a real browser: paging and export use the filters applied with 搜索, never what
// was typed into the search form afterwards; every list pages by the console's one page size.
// On the users page and the audit log, at desk width and at 375 px.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import {
  DESKTOP,
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  launchBrowser,
  login,
  newPage,
  resultsDir,
  screenshot,
  startServer,
} from './harness.mjs'

/** The console's default page size (web/src/composables/listQuery.ts, DEFAULT_PAGE_SIZE). */
const PAGE_SIZE = 10
/** Accounts made for these tests: more than one page of them. */
const EXTRA_USERS = 12

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // Twelve accounts named list_user_…: two pages of users, and twelve user.create records by
  // sysadmin in the audit log.
  const api = await apiSession(server, 'sysadmin')
  const me = await (await api('/api/v1/auth/me')).json()
  for (let i = 0; i < EXTRA_USERS; i++) {
    const r = await api('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ username: `list_user_${i}`, display_name: `列表用户${i}`, unit_id: me.unit.id }),
    })
    assert.ok(r.ok, `create list_user_${i}: ${r.status} ${await r.text()}`)
  }
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The next request to `path` (a list or export endpoint) whose query matches `want`. */
function nextRequest(page, path, want = {}) {
  return page.waitForRequest((req) => {
    const url = new URL(req.url())
    return url.pathname === path && Object.entries(want).every(([k, v]) => url.searchParams.get(k) === v)
  })
}

async function rowCount(page) {
  return page.locator(`${byTest('table')} .el-table__body-wrapper .el-table__row`).count()
}

/** Goes to page 2 with the paginator. */
async function secondPage(page) {
  await page.locator('.table-pagination .el-pager li', { hasText: /^2$/ }).click()
}

async function noSidewaysScroll(page, viewport) {
  if (viewport !== PHONE) return
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= PHONE.width + 1, `page is ${width}px wide at 375`)
}

for (const viewport of [DESKTOP, PHONE]) {
  const size = viewport === PHONE ? '375' : 'desktop'

  describe(`list pages at ${viewport.width} px`, () => {
    it('users: page 2 keeps the applied keyword, not the one typed since', async () => {
      const { page, context, errors } = await newPage(browser, viewport)
      await login(page, server, 'sysadmin')
      const first = nextRequest(page, '/api/v1/users')
      await page.goto(`${server.url}/system/users`)
      const opened = new URL((await first).url()).searchParams
      assert.equal(opened.get('page_size'), String(PAGE_SIZE), 'the shared page size')
      await page.waitForSelector(`${byTest('table')} .el-table__row`)
      assert.equal(await rowCount(page), PAGE_SIZE)

      // Apply the keyword: the twelve accounts, two pages.
      await page.fill(byTest('search-username'), 'list_user')
      const searched = nextRequest(page, '/api/v1/users', { q: 'list_user', page: '1' })
      await page.click(byTest('search'))
      await searched
      await page.waitForFunction(
        () => [...document.querySelectorAll('[data-test="table"] .el-table__body .el-table__row')].every((r) => r.textContent.includes('list_user')),
      )

      // Type another keyword without 搜索, then page: the applied keyword holds.
      await page.fill(byTest('search-username'), 'typed_not_searched')
      const paged = nextRequest(page, '/api/v1/users', { page: '2' })
      await secondPage(page)
      const query = new URL((await paged).url()).searchParams
      assert.equal(query.get('q'), 'list_user', 'page 2 uses the applied keyword')
      assert.equal(query.get('page_size'), String(PAGE_SIZE))
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-test="table"] .el-table__body-wrapper .el-table__row').length === n,
        EXTRA_USERS - PAGE_SIZE,
      )
      const rows = await page.locator(`${byTest('table')} .el-table__body-wrapper .el-table__row`).allInnerTexts()
      assert.ok(rows.every((r) => r.includes('list_user')), rows.join('|'))
      assert.equal(await page.inputValue(byTest('search-username')), 'typed_not_searched', 'the form keeps what was typed')
      await noSidewaysScroll(page, viewport)
      await screenshot(page, `users-applied-${size}`)
      await expectAccessible(page, `users, page 2, at ${viewport.width} px`)

      // 重置 empties the form and lists everyone from page 1.
      const reset = nextRequest(page, '/api/v1/users', { page: '1' })
      await page.click(byTest('reset'))
      assert.equal(new URL((await reset).url()).searchParams.get('q'), null)
      assert.equal(await page.inputValue(byTest('search-username')), '')
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('audit log: page 2 and the export use the applied actor, not the one typed since', async () => {
      const { page, context, errors } = await newPage(browser, viewport)
      await login(page, server, 'auditor')
      await page.goto(`${server.url}/system/audit`)
      await page.waitForSelector(`${byTest('table')} .el-table__row`)

      await page.fill(byTest('search-actor'), 'sysadmin')
      const searched = nextRequest(page, '/api/v1/audit-logs', { actor: 'sysadmin', page: '1' })
      await page.click(byTest('search'))
      await searched
      await page.fill(byTest('search-actor'), 'auditor')

      const paged = nextRequest(page, '/api/v1/audit-logs', { page: '2' })
      await secondPage(page)
      const query = new URL((await paged).url()).searchParams
      assert.equal(query.get('actor'), 'sysadmin', 'page 2 uses the applied actor')
      assert.equal(query.get('page_size'), String(PAGE_SIZE))
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-test="table"] .el-table__body-wrapper .el-table__row')]
        return rows.length > 0 && rows.every((r) => r.textContent.includes('sysadmin'))
      })
      await noSidewaysScroll(page, viewport)

      const exported = nextRequest(page, '/api/v1/audit-logs/export')
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
      const exportQuery = new URL((await exported).url()).searchParams
      assert.equal(exportQuery.get('actor'), 'sysadmin', 'the export uses the applied actor')
      assert.equal(exportQuery.get('page'), null, 'the export is not paged')
      await download.saveAs(join(resultsDir, `audit-applied-${size}.xlsx`))
      await screenshot(page, `audit-applied-${size}`)
      await expectAccessible(page, `the audit log, page 2, at ${viewport.width} px`)
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
