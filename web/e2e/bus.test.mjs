// 校车台账 in a real browser. The safety officer of the first demo school (school1_safety), on a phone
// (375 px), opens 校车台账 from the menu drawer under 交通与校车 and finds the demo's route 双桥—河东线
// on the 线路 tab; adds a route on the demo's bus 浙A52702, whose 校车标牌 has expired — the server
// refuses it and the form says why at the vehicle — then chooses 浙A52701 instead: saved and listed,
// the page never scrolling sideways. At a desk, the bureau's safety office opens 校车底数, finds
// 示范区双桥小学 with at least one failing vehicle, exports 校车底数.xlsx, and opens the school's registry.
// The safety officer, at a desk, exports the school's vehicles (校车车辆.xlsx: the school's code and its
// buses), downloads the vehicles' template from 导入 on the 车辆 tab and sends it filled with a good
// row and one with a malformed plate — refused, the row (3, 车牌号) listed, nothing written — then
// with good rows only: 导入完成, the new bus listed as 合格.
//
// The demo district keeps at 示范区双桥小学 the provider 示范区平安校车服务有限公司, the buses 浙A52701
// (39 seats, valid) and 浙A52702 (19 seats, 校车标牌 expired), the drivers 王建国 (A1) and 李卫东 (B1),
// the monitor 赵秀兰 and the route 双桥—河东线 (浙A52701, 王建国, 赵秀兰, 32 riders).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
  sheetFromTemplate,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
let tmp

const ACCOUNT = 'school1_safety'
const SCHOOL = '示范区双桥小学'
const DEMO_ROUTE = '双桥—河东线'
const NAME = '端到端测试线'
const GOOD = '浙A52701'
const EXPIRED = '浙A52702'
const PROVIDER = '示范区平安校车服务有限公司'
/** The buses the import adds; the malformed plate it refuses. */
const IMPORTED = '浙A52788'
const IMPORTED_TOO = '浙A52789'
const MALFORMED = '浙A123'
const VEHICLE_HEADER = [
  '学校代码',
  '学校名称',
  '车牌号',
  '核定载人数',
  '校车服务单位',
  '校车标牌号',
  '标牌有效期至',
  '最近安全技术检验',
  '承运人责任险到期',
  '卫星定位',
  '租用车辆',
  '备注',
]
/** Today in China (the server's calendar day). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const nextYear = `${Number(today.slice(0, 4)) + 1}-06-30`

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-bus-'))
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
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

  it('(c) the safety officer exports the school’s vehicles, and imports buses from the template: a malformed plate refused, then added', async () => {
    const officer = await apiSession(server, ACCOUNT)
    const me = await (await officer('/api/v1/auth/me')).json()
    assert.equal(me.unit.name, SCHOOL)
    const bureau = await apiSession(server, 'safety_office')
    const code = (await (await bureau(`/api/v1/schools/${me.unit.id}`)).json()).code
    assert.ok(code, 'the school has a code')
    const row = (plate, note) => [code, SCHOOL, plate, '19', PROVIDER, `XC-${plate.slice(-4)}`, nextYear, today, nextYear, '是', '否', note]

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, ACCOUNT)
    await page.goto(`${server.url}/bus?tab=vehicles`)
    await page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: GOOD }) }).waitFor()
    await settled(page)

    // 导出: the school's buses in the template's columns, its code first.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    assert.equal(exported.suggestedFilename(), '校车车辆.xlsx')
    const exportFile = join(resultsDir, 'bus-vehicles-export.xlsx')
    await exported.saveAs(exportFile)
    const sheet = xlsxText(exportFile)
    for (const text of [...VEHICLE_HEADER.slice(0, 4), code, SCHOOL, GOOD, EXPIRED]) assert.ok(sheet.includes(text), `the export has ${text}`)

    // 导入: the 车辆 template from the dialog.
    await page.click(byTest('import'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    assert.equal((await dialog.locator('.el-dialog__title').innerText()).trim(), '导入校车车辆')
    assert.match(await page.locator(byTest('bus-import-note')).innerText(), /车牌号相同的记录更新/)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('template'))])
    assert.equal(download.suggestedFilename(), '校车车辆导入模板.xlsx')
    const template = join(tmp, 'vehicles-template.xlsx')
    await download.saveAs(template)
    const header = xlsxText(template)
    for (const h of VEHICLE_HEADER) assert.ok(header.includes(h), `the template has ${h}`)

    // A malformed plate on the file's third row: refused, listed, nothing written.
    const bad = join(tmp, 'vehicles-bad.xlsx')
    sheetFromTemplate(template, bad, [VEHICLE_HEADER, row(IMPORTED, '端到端导入'), row(MALFORMED, '车牌号不全')])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, bad)
    await page.click(byTest('import-start'))
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const refused = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(
      refused.some((r) => /^3\b/.test(r.trim()) && r.includes('车牌号')),
      refused.join(' | '),
    )
    assert.ok(!refused.some((r) => /^2\b/.test(r.trim())), `the good row is not listed: ${refused.join(' | ')}`)
    const none = await (await officer(`/api/v1/bus/vehicles?q=${encodeURIComponent(IMPORTED)}`)).json()
    assert.equal(none.items.length, 0, 'nothing written')
    await screenshot(page, 'bus-import-refused-desktop')
    await expectAccessible(page, 'the bus import with a refused row')

    // Good rows only: both added, the list reloaded behind the dialog.
    const good = join(tmp, 'vehicles.xlsx')
    sheetFromTemplate(template, good, [VEHICLE_HEADER, row(IMPORTED, '端到端导入'), row(IMPORTED_TOO, '端到端导入')])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, good)
    await page.click(byTest('import-start'))
    await page.locator(byTest('import-summary'), { hasText: '导入完成' }).waitFor()
    assert.equal((await page.locator(byTest('import-summary')).innerText()).trim(), '导入完成：新增 2 条，更新 0 条')
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
    const added = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: IMPORTED }) })
    await added.waitFor()
    await settled(page)
    assert.equal((await added.locator(byTest('row-state')).innerText()).trim(), '合格')
    assert.match(await added.locator(byTest('row-seats')).innerText(), /19 座/)
    assert.equal(await page.locator(byTest('row-name'), { hasText: IMPORTED_TOO }).count(), 1)
    await screenshot(page, 'bus-import-done-desktop')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees: the bus at the school, its provider resolved by name.
    const r = await officer(`/api/v1/bus/vehicles?q=${encodeURIComponent(IMPORTED)}`)
    const saved = (await r.json()).items.filter((v) => v.plate === IMPORTED)
    assert.equal(saved.length, 1, JSON.stringify(saved))
    assert.equal(saved[0].unit_name, SCHOOL)
    assert.equal(saved[0].provider_name, PROVIDER)
    assert.equal(saved[0].seats, 19)
  })
})
