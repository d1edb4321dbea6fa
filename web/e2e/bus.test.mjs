// 校车台账 in a real browser. The safety officer of the first demo school (school1_safety), on a phone
// (375 px), opens 校车台账 from the menu drawer under 交通与校车 and finds the demo's route 双桥—河东线
// on the 线路 tab; adds a route on the demo's bus 浙A52702, whose 校车标牌 has expired — the server
// refuses it and the form says why at the vehicle — then chooses 浙A52701 instead: saved and listed,
// the page never scrolling sideways. At a desk, the bureau's safety office opens 校车底数, finds
// 示范区双桥小学 with at least one failing vehicle, exports 校车底数.xlsx, and opens the school's registry.
//
// The demo district keeps at 示范区双桥小学 the provider 示范区平安校车服务有限公司, the buses 浙A52701
// (39 seats, valid) and 浙A52702 (19 seats, 校车标牌 expired), the drivers 王建国 (A1) and 李卫东 (B1),
// the monitor 赵秀兰 and the route 双桥—河东线 (浙A52701, 王建国, 赵秀兰, 32 riders).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
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
  menuItems,
  newPage,
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser

const ACCOUNT = 'school1_safety'
const SCHOOL = '示范区双桥小学'
const DEMO_ROUTE = '双桥—河东线'
const NAME = '端到端测试线'
const GOOD = '浙A52701'
const EXPIRED = '浙A52702'

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

describe('校车台账', () => {
  it('(a) the safety officer on a phone sees the demo route, is refused the bus with the expired permit, and adds the route on the valid one', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)
    // 校车台账 from the menu drawer; 校车底数 is the bureau's.
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-bus')}`)
    const items = await menuItems(page)
    assert.ok(items.includes('bus'))
    assert.ok(!items.includes('bus-survey'), '校车底数 is not in a school’s menu')
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-bus')}`)
    await page.waitForURL(/\/bus$/)
    await page.waitForSelector(byTest('cards'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '校车台账')
    assert.equal(await page.locator(byTest('table')).count(), 0, 'no table on a phone')

    // The 线路 tab: the demo's route with its bus, driver and monitor.
    const demo = page.locator(byTest('card'), { has: page.locator(byTest('card-name'), { hasText: DEMO_ROUTE }) })
    await demo.waitFor()
    assert.match(await demo.locator(byTest('card-vehicle')).innerText(), new RegExp(GOOD))
    assert.match(await demo.locator(byTest('card-driver')).innerText(), /王建国/)
    assert.match(await demo.locator(byTest('card-monitor')).innerText(), /赵秀兰/)
    assert.match(await demo.locator(byTest('card-riders')).innerText(), /32/)
    assert.equal((await page.locator(byTest('add')).innerText()).trim(), '新增线路')
    await expectNoSidewaysScroll(page, '校车台账 at 375 px')
    await expectAccessible(page, '校车台账 at 375 px')
    await screenshot(page, 'bus-routes-375')

    // 新增线路 on 浙A52702: refused at the vehicle, its expired 校车标牌 named.
    await page.click(byTest('add'))
    await page.waitForSelector(`${byTest('bus-dialog')}:visible`)
    assert.equal((await page.locator(byTest('field-unit-fixed')).innerText()).trim(), SCHOOL)
    assert.equal(await page.locator(byTest('field-active')).count(), 0, '在用 only on an edit')
    await page.fill(byTest('field-name'), NAME)
    await choose(page, 'field-vehicle_id', EXPIRED)
    await choose(page, 'field-driver_id', '王建国')
    await choose(page, 'field-monitor_id', '赵秀兰')
    await page.fill(`${byTest('field-riders')} input`, '12')
    await page.keyboard.press('Tab')
    await page.fill(byTest('field-stops'), '河东村、双桥小学')
    await page.click(byTest('save'))
    const refusal = errorAt(page, 'field-vehicle_id')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /校车标牌/)
    assert.ok(await page.locator(byTest('bus-dialog')).isVisible(), 'the form stays open')
    await expectNoSidewaysScroll(page, 'the refused route at 375 px')
    await expectAccessible(page, 'the refused route at 375 px')
    await screenshot(page, 'bus-route-refused-375')

    // 浙A52701 instead: the reason goes, and the route is saved.
    await choose(page, 'field-vehicle_id', GOOD)
    await refusal.waitFor({ state: 'detached' })
    await page.click(byTest('save'))
    await page.waitForSelector(byTest('bus-dialog'), { state: 'hidden' })

    // Listed, found by its name through the folded filters.
    await page.click(byTest('toggle-search'))
    await page.fill(byTest('search-q'), NAME)
    await page.click(byTest('search'))
    const card = page.locator(byTest('card'), { has: page.locator(byTest('card-name'), { hasText: NAME }) })
    await card.waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('card')).count(), 1)
    assert.match(await card.locator(byTest('card-vehicle')).innerText(), new RegExp(GOOD))
    assert.match(await card.locator(byTest('card-driver')).innerText(), /王建国/)
    assert.equal((await card.locator(byTest('card-state')).innerText()).trim(), '合格')
    await expectNoSidewaysScroll(page, 'the new route at 375 px')
    await screenshot(page, 'bus-route-added-375')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees: one route of that name, on 浙A52701 with 王建国 and 赵秀兰.
    const officer = await apiSession(server, ACCOUNT)
    const r = await officer(`/api/v1/bus/routes?q=${encodeURIComponent(NAME)}`)
    assert.equal(r.status, 200, await r.clone().text())
    const saved = (await r.json()).items.filter((x) => x.name === NAME)
    assert.equal(saved.length, 1, JSON.stringify(saved))
    assert.equal(saved[0].vehicle_plate, GOOD)
    assert.equal(saved[0].driver_name, '王建国')
    assert.equal(saved[0].monitor_name, '赵秀兰')
    assert.equal(saved[0].riders, 12)
    assert.equal(saved[0].unit_name, SCHOOL)
  })

  it('(b) the bureau at a desk finds 示范区双桥小学 on 校车底数 with a failing vehicle, exports the xlsx and opens the school', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const items = await menuItems(page)
    assert.ok(items.includes('bus') && items.includes('bus-survey'), items.join())
    await page.goto(`${server.url}/bus/survey`)
    await page.waitForSelector(byTest('table'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '校车底数')

    const school = page.locator('[data-test^="survey-school-"]', { hasText: SCHOOL })
    await school.waitFor()
    const row = page.locator(`${byTest('table')} .el-table__body tr`, { has: school })
    const failing = Number((await row.locator(byTest('cell-failing_vehicles')).innerText()).trim())
    assert.ok(failing >= 1, `${SCHOOL} has ${failing} failing vehicle(s)`)
    assert.ok(Number((await row.locator(byTest('cell-vehicles')).innerText()).trim()) >= 2)
    assert.ok(Number((await page.locator(`${byTest('total-failing_vehicles')} ${byTest('stat-value')}`).innerText()).trim()) >= 1)
    await expectAccessible(page, '校车底数 at a desk')
    await screenshot(page, 'bus-survey-desktop')

    // 导出: 校车底数.xlsx with the school in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    assert.equal(download.suggestedFilename(), '校车底数.xlsx')
    const file = join(resultsDir, 'bus-survey.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    assert.match(xlsxText(file), new RegExp(SCHOOL))

    // The school leads to its registry: its routes, the demo's among them.
    await school.click()
    await page.waitForURL(/\/bus\?unit_id=\d+$/)
    await page.waitForSelector(byTest('table'))
    const demo = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: DEMO_ROUTE }) })
    await demo.waitFor()
    await settled(page)
    const schools = await page.locator(`${byTest('table')} .el-table__body tr`).evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.innerText.trim()))
    assert.ok(schools.length > 0 && schools.every((n) => n === SCHOOL), `only ${SCHOOL}: ${schools.join()}`)
    // The vehicles tab keeps the school: 浙A52702 fails, its 校车标牌 named.
    await page.click(byTest('tab-vehicles'))
    const expired = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: EXPIRED }) })
    await expired.waitFor()
    await settled(page)
    assert.equal((await expired.locator(byTest('row-state')).innerText()).trim(), '不合格')
    assert.match(await expired.locator(byTest('row-problems')).innerText(), /校车标牌/)
    await expectAccessible(page, '校车台账 at a desk')
    await screenshot(page, 'bus-vehicles-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
