// List pages in a real browser: paging and export use the filters applied with 搜索, never what
// was typed into the search form afterwards; every list pages by the console's one page size.
// On the users page and the audit log, at desk width and at 375 px. And the lists and a hazard
// at both widths: the paginator, the search form (on a phone folded behind 筛选) and the hazard's
// buttons stay inside the window; on a phone the lists are cards whose titles open the records.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import {
  DESKTOP,
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  login,
  newPage,
  resultsDir,
  screenshot,
  startServer,
} from './harness.mjs'

/** A list's rows: the table's on a desk, the cards (ListLayout) where a page shows them on a phone. */
const ROWS = '[data-test="table"] .el-table__body-wrapper .el-table__row, [data-test="card"]'

/** A hazard reported for these tests, for school1_safety to assign (a button in its bar). */
let hazardId

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
  const school = await apiSession(server, 'school1_safety')
  const reported = await school('/api/v1/hazards', {
    method: 'POST',
    body: JSON.stringify({ school_id: 21, domain: 'fire', level: 'general', title: '楼梯间应急灯损坏（列表）', source: 'self_inspection' }),
  })
  assert.equal(reported.status, 201, await reported.clone().text())
  hazardId = (await reported.json()).id
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
  return page.locator(ROWS).count()
}

/** On a phone a list of cards folds its search form behind 筛选: unfold it (nothing to do otherwise). */
async function openSearch(page) {
  const toggle = page.locator(`.list-filter-bar ${byTest('toggle-search')}`)
  if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click()
    await page.locator('.search-form').waitFor()
  }
}

/** Fails unless the element is all inside the window's width (x ≥ 0, x + width ≤ viewport). */
async function insideWidth(locator, viewport, what) {
  const box = await locator.boundingBox()
  assert.ok(box, `${what} is shown`)
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 0.5, `${what} spans ${box.x}…${box.x + box.width} px in a ${viewport.width} px window`)
  return box
}

/** Waits until no list or record is loading. */
async function loaded(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
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
      await page.waitForSelector(ROWS)
      assert.equal(await rowCount(page), PAGE_SIZE)

      // Apply the keyword: the twelve accounts, two pages.
      await openSearch(page)
      await page.fill(byTest('search-username'), 'list_user')
      const searched = nextRequest(page, '/api/v1/users', { q: 'list_user', page: '1' })
      await page.click(byTest('search'))
      await searched
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(sel)].every((r) => r.textContent.includes('list_user')),
        ROWS,
      )

      // Type another keyword without 搜索, then page: the applied keyword holds.
      await page.fill(byTest('search-username'), 'typed_not_searched')
      const paged = nextRequest(page, '/api/v1/users', { page: '2' })
      await secondPage(page)
      const query = new URL((await paged).url()).searchParams
      assert.equal(query.get('q'), 'list_user', 'page 2 uses the applied keyword')
      assert.equal(query.get('page_size'), String(PAGE_SIZE))
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [ROWS, EXTRA_USERS - PAGE_SIZE])
      const rows = await page.locator(ROWS).allInnerTexts()
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
      await page.waitForSelector(ROWS)

      await openSearch(page)
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
      await page.waitForFunction((sel) => {
        const rows = [...document.querySelectorAll(sel)]
        return rows.length > 0 && rows.every((r) => r.textContent.includes('sysadmin'))
      }, ROWS)
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

    it('hazards, supervision orders, schools and whistles: pager, filters and the hazard’s buttons inside the window', async () => {
      const phone = viewport === PHONE
      // Each list and the path its records open at.
      const tours = [
        ['school1_safety', [['/hazards', /\/hazards\/\d+$/], ['/hazards/supervision', /\/hazards\/\d+$/]]],
        ['safety_office', [['/hazards', /\/hazards\/\d+$/], ['/system/schools', /\/system\/schools\/\d+$/], ['/whistles', /\/whistles\/\d+$/]]],
      ]
      for (const [user, lists] of tours) {
        const { page, context, errors } = await newPage(browser, viewport)
        await login(page, server, user)
        for (const [path, opens] of lists) {
          const label = `${user} ${path} at ${viewport.width} px`
          await page.goto(server.url + path)
          await page.waitForSelector(phone ? '[data-test="cards"], [data-test="whistle-cards"]' : byTest('table'))
          await loaded(page)
          assert.equal(await page.locator(byTest('table')).count(), phone ? 0 : 1, `${label}: ${phone ? 'cards, no table' : 'the table'}`)
          const rows = await page.locator(phone ? byTest('card') : `${byTest('table')} .el-table__body-wrapper .el-table__row`).count()

          // The search form, or on a phone the 筛选 button it folds behind, then the form unfolded.
          if (phone) {
            const toggle = page.locator(`.list-filter-bar ${byTest('toggle-search')}`)
            assert.equal(await page.locator('.search-form').isVisible(), false, `${label}: the filters start folded`)
            await insideWidth(toggle, viewport, `${label}: 筛选`)
            await toggle.click()
            await page.locator('.search-form').waitFor()
            assert.equal((await toggle.innerText()).trim(), '收起筛选')
          }
          await insideWidth(page.locator('.search-form'), viewport, `${label}: the search form`)
          for (const item of await page.locator('.search-form .el-form-item').all()) {
            await insideWidth(item, viewport, `${label}: a filter`)
          }

          // The paginator (shown when there is a row), all of it: nothing scrolled out of sight.
          if (rows > 0) {
            const pager = page.locator('.table-pagination')
            await insideWidth(pager, viewport, `${label}: the paginator`)
            await insideWidth(pager.locator('.el-pagination'), viewport, `${label}: the page buttons`)
            const clipped = await pager.evaluate((el) => el.scrollWidth - el.clientWidth)
            assert.ok(clipped <= 1, `${label}: the paginator scrolls ${clipped} px sideways`)
          }
          await expectNoSidewaysScroll(page, label)
          if (path !== '/hazards/supervision') assert.ok(rows > 0, `${label}: rows to show`)

          await screenshot(page, `lists-${user}-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${size}`)

          // On a phone a card's title opens its record.
          if (phone && rows > 0) {
            const card = page.locator(byTest('card')).first()
            await insideWidth(card, viewport, `${label}: a card`)
            const title = card.locator('.list-card__title')
            const box = await title.boundingBox()
            assert.ok(box.height >= 44, `${label}: the title is ${box.height} px high, too small to tap`)
            await title.click()
            await page.waitForURL(opens)
          }
        }

        // A hazard's buttons (school1_safety may assign the one reported): inside the window; on a
        // phone in a bar at the bottom of the screen, which covers nothing once scrolled to the end.
        if (user === 'school1_safety') {
          await page.goto(`${server.url}/hazards/${hazardId}`)
          await page.waitForSelector(byTest('action-assign'))
          await loaded(page)
          const bar = page.locator(byTest('action-bar'))
          const box = await insideWidth(bar, viewport, `the hazard's buttons at ${viewport.width} px`)
          await insideWidth(bar.locator(byTest('action-assign')), viewport, `交办整改 at ${viewport.width} px`)
          if (phone) {
            assert.ok(box.y + box.height <= viewport.height + 0.5, `the bar ends at ${box.y + box.height} px in a ${viewport.height} px window`)
            const photos = await page.locator(byTest('hazard-photos')).boundingBox()
            const facts = await page.locator(byTest('hazard-info')).boundingBox()
            assert.ok(photos.y < facts.y, 'the photos come before the facts')
            // Scrolled to the end: the bar sits below the history, covering none of it.
            await page.evaluate(() => {
              const main = document.querySelector('#main-content')
              if (main) main.scrollTop = main.scrollHeight
              window.scrollTo(0, document.documentElement.scrollHeight)
            })
            await page.waitForTimeout(100)
            const end = await bar.boundingBox()
            const history = await page.locator(byTest('timeline')).boundingBox()
            assert.ok(end.y >= history.y + history.height - 0.5, `the bar (at ${end.y}) covers the history (ending at ${history.y + history.height})`)
            assert.ok(end.y + end.height <= viewport.height + 0.5, 'the bar is still in the window')
          }
          await expectNoSidewaysScroll(page, `the hazard at ${viewport.width} px`)
          await screenshot(page, `lists-hazard-buttons-${size}`)
        }
        assert.deepEqual(errors, [])
        await context.close()
      }
    })
  })
}
