// 周边水域风险 in a real browser. The safety officer of the first demo school (school1_safety), on a
// phone (375 px), opens 周边水域风险 from the menu drawer under 1530与安全教育, adds a water — 端到端测试塘,
// a 池塘 300 m from the school with only a warning sign (警示牌) — and sees it listed as a card with
// 重点 and the missing 护栏, 救生设施 and 巡查 spelt out; then edits it to tick all four measures and
// 重点 is gone (措施齐全). At a desk, the bureau's safety office opens 各校水域 and finds the officer's
// school with at least one water; choosing it lists that school's waters, the new one among them.
//
// The demo district records 1–3 waters for its rural, township and fringe schools, so the lists and
// the board are not empty; this test finds its own water by its name.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  DESKTOP,
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  login,
  menuItems,
  newPage,
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser

const ACCOUNT = 'school1_safety'
const NAME = '端到端测试塘'
const KEEPER = '端到端村委会'

/** What part (a) found and part (b) uses. */
const shared = { schoolId: 0, waterId: 0 }

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'),
  )
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** The four measures of a card or row as shown: warning_sign:present, fence:missing … */
async function measureStates(scope) {
  const tags = scope.locator('[data-test^="measure-"]')
  const out = []
  for (let i = 0; i < (await tags.count()); i++) {
    const tag = tags.nth(i)
    out.push(`${(await tag.getAttribute('data-test')).slice('measure-'.length)}:${await tag.getAttribute('data-state')}`)
  }
  return out
}

describe('周边水域风险', () => {
  it('(a) the safety officer on a phone adds a pond with only a warning sign (重点, three missing), then ticks all four', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)
    // 周边水域风险 from the menu drawer.
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-edu-waters')}`)
    assert.ok((await menuItems(page)).includes('edu-waters'))
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-edu-waters')}`)
    await page.waitForURL(/\/edu\/waters$/)
    await page.waitForSelector(byTest('cards'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '周边水域风险')
    // A school's officer: no 各校水域, no table on a phone.
    assert.equal(await page.locator(byTest('water-tabs')).count(), 0)
    assert.equal(await page.locator(byTest('table')).count(), 0, 'no table on a phone')
    assert.equal((await page.locator(byTest('add')).innerText()).trim(), '新增')
    await expectNoSidewaysScroll(page, '周边水域风险 at 375 px')
    await expectAccessible(page, '周边水域风险 at 375 px')
    await screenshot(page, 'edu-waters-375')

    // 新增: the school is the officer's own, checked today; a pond at 300 m with a warning sign only.
    await page.click(byTest('add'))
    await page.waitForSelector(`${byTest('water-dialog')}:visible`)
    assert.ok((await page.locator(byTest('water-school-fixed')).innerText()).trim().length > 0, 'the school is fixed')
    assert.match(await page.inputValue(`${byTest('water-checked')} input`), /^\d{4}-\d{2}-\d{2}$/, 'checked today by default')
    assert.equal(await page.locator(byTest('water-active')).count(), 0, '仍存在 only on an edit')
    await page.fill(byTest('water-name'), NAME)
    await choose(page, 'water-kind', '池塘')
    await page.fill(`${byTest('water-distance')} input`, '300')
    await page.keyboard.press('Tab')
    await page.fill(byTest('water-keeper'), KEEPER)
    await page.click(byTest('water-warning_sign'))
    assert.ok(await page.locator(`${byTest('water-warning_sign')} input`).isChecked(), '警示牌 is ticked')
    for (const m of ['water-fence', 'water-rescue_gear', 'water-patrol']) {
      assert.equal(await page.locator(`${byTest(m)} input`).isChecked(), false, `${m} is not ticked`)
    }
    await page.locator(byTest('water-preview'), { hasText: '重点' }).waitFor()
    assert.equal((await page.locator(byTest('water-preview')).innerText()).trim(), '将标为“重点”：距学校 1000 米以内，缺少护栏、救生设施、巡查')
    await expectNoSidewaysScroll(page, 'the water form at 375 px')
    await expectAccessible(page, 'the water form at 375 px')
    const save = page.locator(byTest('water-submit'))
    assert.ok(await save.isVisible(), '保存 is on the screen')
    await screenshot(page, 'edu-water-form-375')
    await save.click()
    await page.waitForSelector(byTest('water-dialog'), { state: 'hidden' })

    // Found by its name through the folded filters: a card with 重点 and the three missing.
    await page.click(byTest('toggle-search'))
    await page.fill(byTest('search-q'), NAME)
    await page.click(byTest('search'))
    const card = page.locator(byTest('card'), { has: page.locator(byTest('card-name'), { hasText: NAME }) })
    await card.waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('card')).count(), 1)
    assert.equal((await card.locator(byTest('card-kind')).innerText()).trim(), '池塘')
    assert.equal((await card.locator(byTest('card-distance')).innerText()).trim(), '距学校 300 米')
    assert.equal((await card.locator(byTest('card-priority')).innerText()).trim(), '重点')
    assert.equal((await card.locator(byTest('card-gaps')).innerText()).trim(), '缺：护栏、救生设施、巡查')
    assert.deepEqual(await measureStates(card), ['warning_sign:present', 'fence:missing', 'rescue_gear:missing', 'patrol:missing'])
    assert.match(await card.locator(byTest('card-keeper')).innerText(), new RegExp(KEEPER))
    await expectNoSidewaysScroll(page, 'the new water at 375 px')
    await expectAccessible(page, 'the new water at 375 px')
    await screenshot(page, 'edu-water-priority-375')

    // 修改: all four ticked, 重点 gone.
    await card.locator(byTest('row-edit')).click()
    await page.waitForSelector(`${byTest('water-dialog')}:visible`)
    assert.equal(await page.inputValue(byTest('water-name')), NAME)
    assert.ok(await page.locator(`${byTest('water-active')}`).isVisible(), '仍存在 is asked on an edit')
    for (const m of ['water-fence', 'water-rescue_gear', 'water-patrol']) await page.click(byTest(m))
    for (const m of ['water-warning_sign', 'water-fence', 'water-rescue_gear', 'water-patrol']) {
      assert.ok(await page.locator(`${byTest(m)} input`).isChecked(), `${m} is ticked`)
    }
    await page.locator(byTest('water-preview'), { hasText: '四项防护措施均已落实' }).waitFor()
    await page.click(byTest('water-submit'))
    await page.waitForSelector(byTest('water-dialog'), { state: 'hidden' })
    await card.locator(byTest('card-gaps'), { hasText: '措施齐全' }).waitFor()
    await settled(page)
    assert.equal(await card.locator(byTest('card-priority')).count(), 0, '重点 is gone')
    assert.deepEqual(await measureStates(card), ['warning_sign:present', 'fence:present', 'rescue_gear:present', 'patrol:present'])
    await expectNoSidewaysScroll(page, 'the water with all four at 375 px')
    await screenshot(page, 'edu-water-done-375')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees: no gaps, no priority, edited once.
    const officer = await apiSession(server, ACCOUNT)
    const me = await (await officer('/api/v1/auth/me')).json()
    shared.schoolId = me.unit.id
    const r = await officer(`/api/v1/edu/waters?q=${encodeURIComponent(NAME)}`)
    assert.equal(r.status, 200, await r.clone().text())
    const items = (await r.json()).items.filter((w) => w.name === NAME)
    assert.equal(items.length, 1, JSON.stringify(items))
    const saved = items[0]
    shared.waterId = saved.id
    assert.equal(saved.school_id, shared.schoolId)
    assert.equal(saved.kind, 'pond')
    assert.equal(saved.distance_m, 300)
    assert.deepEqual(saved.gaps, [])
    assert.equal(saved.priority, false)
    assert.equal(saved.active, true)
    assert.equal(saved.version, 2)
  })

  it('(b) the bureau at a desk finds the officer’s school on 各校水域 with its waters, and lists them', async () => {
    assert.ok(shared.schoolId, 'part (a) added a water')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('edu-waters'))
    await page.goto(`${server.url}/edu/waters`)
    await page.waitForSelector(byTest('table'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '周边水域风险')
    // The demo's waters of the rural, township and fringe schools are listed already.
    assert.ok((await page.locator(`${byTest('table')} ${byTest('row-name')}`).count()) > 0, 'the demo waters are listed')
    await expectAccessible(page, '周边水域风险 at a desk')
    await screenshot(page, 'edu-waters-desktop')

    // 各校水域: the officer's school with at least one water.
    assert.equal((await page.locator(byTest('tab-board')).innerText()).trim(), '各校水域')
    await page.click(byTest('tab-board'))
    await page.waitForSelector(byTest('board-table'))
    await settled(page)
    const school = page.locator(byTest(`board-school-${shared.schoolId}`))
    await school.waitFor()
    const row = page.locator(`${byTest('board-table')} .el-table__body tr`, { has: school })
    const waters = Number((await row.locator(byTest('board-waters')).innerText()).trim())
    assert.ok(waters >= 1, `the school has ${waters} water(s)`)
    assert.match((await row.locator(byTest('board-nearest')).innerText()).trim(), /^\d+ 米$/)
    assert.match(await page.locator(`${byTest('board-total-waters')} ${byTest('stat-value')}`).innerText(), /^\d+$/)
    await expectAccessible(page, '各校水域 at a desk')
    await screenshot(page, 'edu-water-board-desktop')

    // The school chosen: its waters, the new one among them.
    const schoolName = (await school.innerText()).trim()
    await school.click()
    await page.waitForSelector(byTest('table'))
    const mine = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: NAME }) })
    await mine.waitFor()
    await settled(page)
    assert.equal(await mine.locator(byTest('row-priority')).count(), 0)
    assert.equal((await mine.locator(byTest('row-distance')).innerText()).trim(), '300 米')
    const names = await page.locator(`${byTest('table')} .el-table__body tr`).evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.innerText.trim()))
    assert.ok(names.length > 0 && names.every((n) => n === schoolName), `only ${schoolName}: ${names.join()}`)
    assert.deepEqual(errors, [])
    await context.close()

    // The server's board says the same.
    const office = await apiSession(server, 'safety_office')
    const board = await office('/api/v1/edu/waters/board')
    assert.equal(board.status, 200, await board.clone().text())
    const mineRow = (await board.json()).schools.find((s) => s.school_id === shared.schoolId)
    assert.ok(mineRow && mineRow.waters >= 1 && mineRow.nearest_m !== null, JSON.stringify(mineRow))
  })
})
