// 校园交通 and 门岗核验 in a real browser. The safety officer of the first demo school (school1_safety),
// on a phone (375 px), opens 门岗核验 from the menu drawer under 交通与校车, checks the e-bike 校101 at
// 南门 — 李老师's, which has no licence plate — and is told in red 拒绝进入 (无号牌), recorded; then opens
// 校园交通 from the drawer and finds the refusal on top of 门岗记录, the page never scrolling sideways.
// The same officer checks 校100 (张老师's, in order): green 准许进入, and nothing added to the log. At a
// desk, the bureau's safety office opens 校园交通 (no 门岗核验 in its menu), picks 示范区双桥小学 and finds
// its canteen van at 北门 06:00—08:00, then, on the 电动自行车 tab, 李老师's e-bike 不合格 for 无号牌.
// The safety officer, at a desk, exports the school's e-bikes (电动自行车.xlsx: the school's code and its
// e-bikes), downloads the e-bikes' template from 导入 on the 电动自行车 tab and sends it back with one row
// whose 已改装 is 也许 — refused, the row (2, 已改装) listed, nothing written.
//
// The demo district keeps at 示范区双桥小学 the e-bikes of 张老师 (校100, passes), 李老师 (校101, no
// licence plate), 王老师 (校102, modified) and 赵老师 (校103, not checked), the canteen van 浙A31012
// (食堂配送（绿源农产品公司）, 北门 06:00—08:00), the staff cars at 南门 06:30—20:00, a visitor car valid
// this week, and a few older refusals.
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
const VAN = '食堂配送（绿源农产品公司）'
const EBIKE_HEADER = ['学校代码', '学校名称', '车主', '号牌', '校内牌照', '改装检查日期', '已改装', '备注']
/** The owner of the e-bike the refused import would have added. */
const IMPORTED_OWNER = '端到端孙老师'
/** Today in China (the server's calendar day). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-traffic-'))
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

/** Opens a page from the phone's menu drawer. */
async function fromDrawer(page, name) {
  await page.click(byTest('menu-toggle'))
  await page.waitForSelector(`${byTest('menu-drawer')} ${byTest(`menu-${name}`)}`)
  await page.click(`${byTest('menu-drawer')} ${byTest(`menu-${name}`)}`)
}

/** Checks a plate at the gate as the guard would: the kind, the gate, the plate, 核验. */
async function checkAtGate(page, kind, gate, plate) {
  await page.click(byTest(`gate-kind-${kind}`))
  await page.fill(byTest('gate-gate'), gate)
  await page.fill(byTest('gate-plate'), plate)
  await page.keyboard.press('Escape') // the gate's suggestions, if still open
  await page.click(byTest('gate-check'))
  await page.waitForSelector(byTest('gate-result'))
  await page.locator(byTest('gate-subject'), { hasText: plate || '无牌' }).waitFor()
}

/** The school's refusals as the server has them. */
async function refusalsOf(api, unitId) {
  const r = await api(`/api/v1/traffic/gate-refusals?unit_id=${unitId}&page_size=100`)
  assert.equal(r.status, 200, await r.clone().text())
  return (await r.json()).items
}

describe('校园交通', () => {
  it('(a) the safety officer on a phone refuses 李老师’s e-bike without a plate at 南门, and finds it on top of 门岗记录', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)

    // 门岗核验 from the menu drawer, beside 校园交通.
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-traffic-gate')}`)
    const items = await menuItems(page)
    assert.ok(items.includes('traffic-campus') && items.includes('traffic-gate'), items.join())
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-traffic-gate')}`)
    await page.waitForURL(/\/traffic\/gate$/)
    await page.waitForSelector(byTest('gate-check'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '门岗核验')
    assert.equal((await page.locator(byTest('gate-school')).innerText()).trim(), SCHOOL)
    // One hand: the kinds and 核验 are big.
    const button = await page.locator(byTest('gate-check')).boundingBox()
    assert.ok(button.height >= 48 && button.width >= 300, JSON.stringify(button))
    await expectNoSidewaysScroll(page, '门岗核验 at 375 px')
    await expectAccessible(page, '门岗核验 at 375 px')

    await page.click(byTest('gate-kind-ebike'))
    assert.equal((await page.locator(byTest('gate-plate-hint')).innerText()).trim(), '无牌可不填')
    await checkAtGate(page, 'ebike', '南门', '校101')
    const result = page.locator(byTest('gate-result'))
    assert.equal(await result.getAttribute('data-allowed'), 'false')
    assert.equal((await page.locator(byTest('gate-verdict')).innerText()).trim(), '拒绝进入')
    assert.match(await page.locator(byTest('gate-reason')).innerText(), /无号牌/)
    assert.equal((await page.locator(byTest('gate-recorded')).innerText()).trim(), '已记录')
    assert.equal(await page.inputValue(byTest('gate-plate')), '', 'the plate is cleared for the next one')
    // Today's refusals below, this one on top.
    const first = page.locator(`${byTest('gate-today')} ${byTest('today-item')}`).first()
    await first.locator(byTest('today-plate'), { hasText: '校101' }).waitFor()
    assert.match(await first.locator(byTest('today-reason')).innerText(), /无号牌/)
    await expectNoSidewaysScroll(page, 'the refusal at 375 px')
    await expectAccessible(page, 'the refusal at 375 px')
    await screenshot(page, 'traffic-gate-refused-375')

    // 校园交通 → 门岗记录: the refusal on top.
    await fromDrawer(page, 'traffic-campus')
    await page.waitForURL(/\/traffic$/)
    await page.waitForSelector(byTest('cards'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '校园交通')
    assert.equal(await page.locator(byTest('table')).count(), 0, 'no table on a phone')
    await page.click(byTest('tab-refusals'))
    const top = page.locator(byTest('card')).first()
    await top.locator(byTest('card-plate'), { hasText: '校101' }).waitFor()
    await settled(page)
    assert.equal((await top.locator(byTest('card-gate')).innerText()).trim(), '南门')
    assert.match(await top.locator(byTest('card-reason')).innerText(), /无号牌/)
    assert.match(await top.locator(byTest('card-kind')).innerText(), /电动自行车/)
    await expectNoSidewaysScroll(page, '门岗记录 at 375 px')
    await expectAccessible(page, '门岗记录 at 375 px')
    await screenshot(page, 'traffic-refusals-375')

    // The e-bikes at 375 px: 李老师's 不合格 with its reason.
    await page.click(byTest('tab-ebikes'))
    const li = page.locator(byTest('card'), { has: page.locator(byTest('card-name'), { hasText: '李老师' }) })
    await li.waitFor()
    await settled(page)
    assert.equal((await li.locator(byTest('card-state')).innerText()).trim(), '不合格')
    assert.match(await li.locator(byTest('card-reason')).innerText(), /无号牌/)
    await expectNoSidewaysScroll(page, '电动自行车 at 375 px')
    await expectAccessible(page, '电动自行车 at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the same officer lets 张老师’s e-bike 校100 in: green 准许进入, nothing added to the log', async () => {
    const officer = await apiSession(server, ACCOUNT)
    const me = await (await officer('/api/v1/auth/me')).json()
    const before = await refusalsOf(officer, me.unit.id)

    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)
    await fromDrawer(page, 'traffic-gate')
    await page.waitForURL(/\/traffic\/gate$/)
    await page.waitForSelector(byTest('gate-check'))
    await settled(page)
    await checkAtGate(page, 'ebike', '南门', '校100')
    assert.equal(await page.locator(byTest('gate-result')).getAttribute('data-allowed'), 'true')
    assert.equal((await page.locator(byTest('gate-verdict')).innerText()).trim(), '准许进入')
    assert.match(await page.locator(byTest('gate-reason')).innerText(), /准许进入/)
    assert.equal(await page.locator(byTest('gate-recorded')).count(), 0)
    assert.equal(await page.locator(`${byTest('today-plate')}`, { hasText: '校100' }).count(), 0)
    await expectNoSidewaysScroll(page, 'the entry allowed at 375 px')
    await expectAccessible(page, 'the entry allowed at 375 px')
    await screenshot(page, 'traffic-gate-allowed-375')
    assert.deepEqual(errors, [])
    await context.close()

    const afterwards = await refusalsOf(officer, me.unit.id)
    assert.equal(afterwards.length, before.length, 'nothing recorded')
    assert.ok(!afterwards.some((r) => r.plate === '校100'), JSON.stringify(afterwards))
  })

  it('(c) the bureau at a desk finds 示范区双桥小学’s canteen van and 李老师’s e-bike 不合格 (无号牌)', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const items = await menuItems(page)
    assert.ok(items.includes('traffic-campus'), items.join())
    assert.ok(!items.includes('traffic-gate'), '门岗核验 is the school’s')
    await page.click(byTest('menu-traffic-campus'))
    await page.waitForURL(/\/traffic$/)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '校园交通')

    // The school, then 搜索: its vehicles only, the canteen van among them (once the school's list
    // has answered: the unfiltered list holds other schools' canteen vans too).
    await choose(page, 'search-school_id', SCHOOL)
    await Promise.all([
      page.waitForResponse((r) => {
        const url = new URL(r.url())
        return url.pathname === '/api/v1/traffic/vehicles' && url.searchParams.has('unit_id') && r.ok()
      }),
      page.click(byTest('search')),
    ])
    const van = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-owner'), { hasText: VAN }) })
    await van.waitFor()
    await settled(page)
    const schools = await page.locator(`${byTest('table')} .el-table__body tr`).evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.innerText.trim()))
    assert.ok(schools.length >= 3 && schools.every((n) => n === SCHOOL), `only ${SCHOOL}: ${schools.join()}`)
    assert.equal((await van.locator(byTest('row-gates')).innerText()).trim(), '北门')
    assert.equal((await van.locator(byTest('row-hours')).innerText()).trim(), '06:00—08:00')
    assert.equal((await van.locator(byTest('row-vehicle_class')).innerText()).trim(), '服务车辆')
    assert.equal((await van.locator(byTest('row-state')).innerText()).trim(), '有效')
    await expectAccessible(page, '校园交通 at a desk')
    await screenshot(page, 'traffic-vehicles-desktop')

    // 电动自行车 keeps the school: 李老师's 不合格, 无号牌.
    await page.click(byTest('tab-ebikes'))
    const li = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: '李老师' }) })
    await li.waitFor()
    await settled(page)
    assert.equal((await li.locator('td').first().innerText()).trim(), SCHOOL)
    assert.equal((await li.locator(byTest('row-state')).innerText()).trim(), '不合格')
    assert.equal((await li.locator(byTest('row-reason')).innerText()).trim(), '无号牌')
    assert.equal((await li.locator(byTest('row-licence_plate')).innerText()).trim(), '无号牌')
    const zhang = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: '张老师' }) })
    assert.equal((await zhang.locator(byTest('row-state')).innerText()).trim(), '合格')
    await expectAccessible(page, '电动自行车 at a desk')
    await screenshot(page, 'traffic-ebikes-desktop')

    // 门岗记录: the school's older refusals.
    await page.click(byTest('tab-refusals'))
    await page.waitForSelector(`${byTest('table')} ${byTest('row-reason')}`)
    await settled(page)
    assert.ok((await page.locator(`${byTest('table')} .el-table__body tr`).count()) >= 2)
    await expectAccessible(page, '门岗记录 at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(d) the safety officer at a desk exports the e-bikes, and imports a file whose 已改装 is 也许: refused at its row, nothing written', async () => {
    const officer = await apiSession(server, ACCOUNT)
    const me = await (await officer('/api/v1/auth/me')).json()
    assert.equal(me.unit.name, SCHOOL)
    const bureau = await apiSession(server, 'safety_office')
    const code = (await (await bureau(`/api/v1/schools/${me.unit.id}`)).json()).code
    assert.ok(code, 'the school has a code')
    const ebikesBefore = (await (await officer(`/api/v1/traffic/ebikes?unit_id=${me.unit.id}&page_size=100`)).json()).total

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, ACCOUNT)
    await page.goto(`${server.url}/traffic`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    await settled(page)
    // 门岗记录 has neither.
    await page.click(byTest('tab-refusals'))
    await page.waitForSelector(`${byTest('table')} ${byTest('row-reason')}`)
    assert.equal(await page.locator(byTest('import')).count(), 0)
    assert.equal(await page.locator(byTest('export')).count(), 0)
    await page.click(byTest('tab-ebikes'))
    const zhang = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-name'), { hasText: '张老师' }) })
    await zhang.waitFor()
    await settled(page)

    // 导出: the school's e-bikes in the template's columns, its code first.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    assert.equal(exported.suggestedFilename(), '电动自行车.xlsx')
    const exportFile = join(resultsDir, 'traffic-ebikes-export.xlsx')
    await exported.saveAs(exportFile)
    assert.equal(readFileSync(exportFile).subarray(0, 2).toString('latin1'), 'PK')
    const sheet = xlsxText(exportFile)
    for (const text of [...EBIKE_HEADER, code, SCHOOL, '张老师', '李老师', '校100']) assert.ok(sheet.includes(text), `the export has ${text}`)

    // 导入: the e-bikes' template from the dialog.
    await page.click(byTest('import'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    assert.equal((await dialog.locator('.el-dialog__title').innerText()).trim(), '导入电动自行车')
    assert.match(await page.locator(byTest('traffic-import-note')).innerText(), /车主和号牌相同的记录更新/)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('template'))])
    assert.equal(download.suggestedFilename(), '电动自行车导入模板.xlsx')
    const template = join(tmp, 'ebikes-template.xlsx')
    await download.saveAs(template)
    const header = xlsxText(template)
    for (const h of EBIKE_HEADER) assert.ok(header.includes(h), `the template has ${h}`)

    // One row, 已改装 也许: refused on row 2 at 已改装, nothing written.
    const bad = join(tmp, 'ebikes-bad.xlsx')
    sheetFromTemplate(template, bad, [EBIKE_HEADER, [code, SCHOOL, IMPORTED_OWNER, '', '校199', today, '也许', '端到端导入']])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, bad)
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/traffic/import'),
      page.click(byTest('import-start')),
    ])
    assert.equal(answer.status(), 422, 'the import is refused')
    await page.locator(`${byTest('import-errors')} .el-table__row`, { hasText: '已改装' }).waitFor()
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const refused = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(
      refused.some((r) => /^2\b/.test(r.trim()) && r.includes('已改装') && r.includes('是 或 否')),
      refused.join(' | '),
    )
    await expectAccessible(page, 'the e-bike import with a refused row')
    await screenshot(page, 'traffic-import-refused-desktop')
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
    assert.equal(await page.locator(byTest('row-name'), { hasText: IMPORTED_OWNER }).count(), 0)
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees: nothing written.
    const none = await (await officer(`/api/v1/traffic/ebikes?q=${encodeURIComponent(IMPORTED_OWNER)}`)).json()
    assert.equal(none.items.length, 0, JSON.stringify(none.items))
    const ebikesAfter = (await (await officer(`/api/v1/traffic/ebikes?unit_id=${me.unit.id}&page_size=100`)).json()).total
    assert.equal(ebikesAfter, ebikesBefore, 'no e-bike added')
  })
})
