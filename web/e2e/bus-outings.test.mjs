// 校车台账 → 出行用车 in a real browser. The safety officer of the first demo school (school1_safety), on a
// phone (375 px), opens 校车台账 from the menu drawer and its 出行用车 tab: the demo's two outings on
// 浙A52701 with 王建国 and 赵秀兰 — 冬季社会实践活动 to 区青少年活动中心 in 10 days (30 riders) listed before
// 秋季研学旅行 to 市科技馆 40 days ago (36 riders), the list being newest day first — and no 导入 or 导出.
// She adds an outing in 3 days on 浙A52702, whose 校车标牌 expired last week: the server judges it on the
// outing's day and refuses it at the vehicle, naming the 校车标牌; on 浙A52701 instead it is saved and
// listed (by its content: the outing in 10 days stays first), 合格, the page never scrolling sideways.
//
// The demo district keeps at 示范区双桥小学 the buses 浙A52701 (39 seats, valid) and 浙A52702 (19 seats,
// 校车标牌 expired last week), the drivers 王建国 (A1) and 李卫东 (B1), the monitor 赵秀兰 and the two
// outings above.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser

const ACCOUNT = 'school1_safety'
const SCHOOL = '示范区双桥小学'
const GOOD = '浙A52701'
const EXPIRED = '浙A52702'
const PURPOSE = '端到端冬季研学'
const DESTINATION = '市自然博物馆'
/** Today in China (the server's calendar day), and the days of the outings. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const dayFrom = (n) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const IN_3_DAYS = dayFrom(3)
const IN_10_DAYS = dayFrom(10)
const AGO_40_DAYS = dayFrom(-40)

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
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** The reason shown under a field of the form. */
const errorAt = (page, field) => page.locator('.el-form-item', { has: page.locator(byTest(field)) }).locator('.el-form-item__error')

/** The answer to the outing's POST. */
const outingSaved = (page) => page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/bus/outings')

describe('校车台账: 出行用车', () => {
  it('the safety officer on a phone sees the demo outings, is refused 浙A52702 on the outing’s day, and adds it on 浙A52701', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-bus')}`)
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-bus')}`)
    await page.waitForURL(/\/bus$/)
    await page.waitForSelector(byTest('cards'))
    await settled(page)

    // 出行用车: the demo's outings, the one to come before the one behind.
    await page.click(byTest('tab-outings'))
    const card = (purpose) => page.locator(byTest('card'), { has: page.locator(byTest('card-name'), { hasText: purpose }) })
    const winter = card('冬季社会实践活动')
    const autumn = card('秋季研学旅行')
    await winter.waitFor()
    await autumn.waitFor()
    await settled(page)
    assert.match(await page.locator(byTest('outings-note')).innerText(), /按出行当天核验/)
    assert.equal((await winter.locator(byTest('card-sub')).innerText()).trim(), '前往 区青少年活动中心')
    assert.match(await winter.locator(byTest('card-date')).innerText(), new RegExp(IN_10_DAYS))
    assert.match(await winter.locator(byTest('card-vehicle')).innerText(), new RegExp(GOOD))
    assert.match(await winter.locator(byTest('card-driver')).innerText(), /王建国/)
    assert.match(await winter.locator(byTest('card-monitor')).innerText(), /赵秀兰/)
    assert.match(await winter.locator(byTest('card-riders')).innerText(), /30/)
    assert.equal((await winter.locator(byTest('card-state')).innerText()).trim(), '合格')
    assert.equal((await autumn.locator(byTest('card-sub')).innerText()).trim(), '前往 市科技馆')
    assert.match(await autumn.locator(byTest('card-date')).innerText(), new RegExp(AGO_40_DAYS))
    assert.match(await autumn.locator(byTest('card-riders')).innerText(), /36/)
    const names = (await page.locator(byTest('card-name')).allInnerTexts()).map((n) => n.trim())
    assert.ok(names.indexOf('冬季社会实践活动') < names.indexOf('秋季研学旅行'), `newest day first: ${names.join()}`)
    // Not kept in spreadsheets.
    assert.equal(await page.locator(byTest('import')).count(), 0)
    assert.equal(await page.locator(byTest('export')).count(), 0)
    assert.equal((await page.locator(byTest('add')).innerText()).trim(), '新增出行用车')
    await expectNoSidewaysScroll(page, '出行用车 at 375 px')
    await expectAccessible(page, '出行用车 at 375 px')
    await screenshot(page, 'bus-outings-375')

    // 新增出行用车 in 3 days on 浙A52702: refused at the vehicle on that day, its 校车标牌 named.
    await page.click(byTest('add'))
    await page.waitForSelector(`${byTest('bus-dialog')}:visible`)
    assert.equal((await page.locator(byTest('field-unit-fixed')).innerText()).trim(), SCHOOL)
    assert.match(await page.locator(byTest('outing-hint')).innerText(), /按出行当天核验/)
    await page.fill(byTest('field-purpose'), PURPOSE)
    await page.fill(byTest('field-destination'), DESTINATION)
    await page.fill(`${byTest('field-date')} input`, IN_3_DAYS)
    await page.keyboard.press('Enter')
    assert.equal(await page.inputValue(`${byTest('field-date')} input`), IN_3_DAYS)
    await choose(page, 'field-vehicle_id', EXPIRED)
    await choose(page, 'field-driver_id', '王建国')
    await choose(page, 'field-monitor_id', '赵秀兰')
    await page.fill(`${byTest('field-riders')} input`, '15')
    await page.keyboard.press('Tab')
    await choose(page, 'field-leave_at', '08:30')
    await choose(page, 'field-return_at', '16:00')
    const [refused] = await Promise.all([outingSaved(page), page.click(byTest('save'))])
    assert.equal(refused.status(), 422, 'refused on the outing’s day')
    const refusal = errorAt(page, 'field-vehicle_id')
    await refusal.filter({ hasText: '校车标牌' }).waitFor()
    assert.match(await refusal.innerText(), /校车标牌/)
    assert.ok(await page.locator(byTest('bus-dialog')).isVisible(), 'the form stays open')
    await expectNoSidewaysScroll(page, 'the refused outing at 375 px')
    await expectAccessible(page, 'the refused outing at 375 px')
    await screenshot(page, 'bus-outing-refused-375')

    // 浙A52701 instead: the reason goes, and the outing is saved.
    await choose(page, 'field-vehicle_id', GOOD)
    await refusal.waitFor({ state: 'detached' })
    const [saved] = await Promise.all([outingSaved(page), page.click(byTest('save'))])
    assert.equal(saved.status(), 201, 'recorded')
    await page.waitForSelector(byTest('bus-dialog'), { state: 'hidden' })

    // Listed with the others (by its content: the outing in 10 days stays first).
    const added = card(PURPOSE)
    await added.waitFor()
    await settled(page)
    assert.equal((await added.locator(byTest('card-sub')).innerText()).trim(), `前往 ${DESTINATION}`)
    assert.match(await added.locator(byTest('card-date')).innerText(), new RegExp(IN_3_DAYS))
    assert.match(await added.locator(byTest('card-times')).innerText(), /08:30 \/ 16:00/)
    assert.match(await added.locator(byTest('card-vehicle')).innerText(), new RegExp(GOOD))
    assert.match(await added.locator(byTest('card-driver')).innerText(), /王建国/)
    assert.match(await added.locator(byTest('card-riders')).innerText(), /15/)
    assert.equal((await added.locator(byTest('card-state')).innerText()).trim(), '合格')
    assert.equal(await winter.count(), 1, 'the outing in 10 days is still listed')
    await expectNoSidewaysScroll(page, 'the new outing at 375 px')
    await screenshot(page, 'bus-outing-added-375')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees: one outing of that purpose, on 浙A52701 with 王建国 and 赵秀兰, in 3 days.
    const officer = await apiSession(server, ACCOUNT)
    const r = await officer(`/api/v1/bus/outings?q=${encodeURIComponent(PURPOSE)}`)
    assert.equal(r.status, 200, await r.clone().text())
    const mine = (await r.json()).items.filter((x) => x.purpose === PURPOSE)
    assert.equal(mine.length, 1, JSON.stringify(mine))
    assert.equal(mine[0].date, IN_3_DAYS)
    assert.equal(mine[0].destination, DESTINATION)
    assert.equal(mine[0].vehicle_plate, GOOD)
    assert.equal(mine[0].driver_name, '王建国')
    assert.equal(mine[0].monitor_name, '赵秀兰')
    assert.equal(mine[0].riders, 15)
    assert.equal(mine[0].leave_at, '08:30')
    assert.equal(mine[0].return_at, '16:00')
    assert.equal(mine[0].unit_name, SCHOOL)
  })
})
