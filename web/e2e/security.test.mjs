// 四个100% in a real browser. The school's record is first set over the API so that only the
// guards fall short (one full-time guard fewer than the school's size asks for, everything else
// met). The school's safety officer, on a phone, opens the record from the home card, adds a guard
// (a refused birth date first, the reason beside the field), saves, and sees 专职保安 and 四个100%
// turn 达标; the bureau's safety office finds 四个100%看板 in the menu (not 本校安防台账), reads the
// rates, no longer finds the school among those short, opens a school short from the board, exports
// the board as .xlsx, and reads the board at 375 px without sideways scrolling.
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
  menuItems,
  newPage,
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
/** Today in China (the server's calendar day). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const SCHOOL = '示范区双桥小学'
const GUARD = '李强（端到端）'
let schoolId
/** Full-time guards the school needs, and how many the prepared record has. */
let required
let saved = false

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const api = await apiSession(server, 'school1_safety')
  const me = await (await api('/api/v1/auth/me')).json()
  assert.equal(me.unit.name, SCHOOL)
  schoolId = me.unit.id
  const r = await api(`/api/v1/schools/${schoolId}/security`)
  assert.equal(r.status, 200, await r.clone().text())
  const record = await r.json()
  required = record.required_guards
  assert.ok(required >= 1, `the school needs guards: ${required}`)
  // Everything met but one guard short.
  const guards = Array.from({ length: required - 1 }, (_, i) => ({
    name: `保安员${i + 1}（端到端）`,
    full_time: true,
    license_no: `鄂42010000${i + 1}`,
    birth_date: '1980-05-01',
    employer: '示范区保安服务公司',
    shifts: '白班',
  }))
  const body = {
    version: record.version,
    has_canteen: record.has_canteen,
    perimeter: true,
    gate_controlled: true,
    visitor_register: true,
    gate_house_staffed: true,
    guards,
    alarms: [{ location: '门卫室', linked_110: true, linked_bureau: true, last_test: today }],
    video: { areas: record.video_areas.map((a) => a.code), retention_days: 30, open_fault_since: null, last_repair: null },
    posts: [
      { gate: '南门', peak: 'morning', people: 3, kinds: ['police', 'guard', 'teacher'] },
      { gate: '南门', peak: 'afternoon', people: 3, kinds: ['auxiliary', 'guard', 'teacher'] },
    ],
    patrols_per_day: 6,
  }
  const put = await api(`/api/v1/schools/${schoolId}/security`, { method: 'PUT', body: JSON.stringify(body) })
  assert.equal(put.status, 200, await put.clone().text())
  const prepared = await put.json()
  assert.equal(prepared.indicators.guards, false, JSON.stringify(prepared.findings))
  assert.equal(prepared.indicators.closed_campus, true, JSON.stringify(prepared.findings))
  assert.equal(prepared.indicators.alarm_video, true, JSON.stringify(prepared.findings))
  assert.equal(prepared.indicators.gate_duty, true, JSON.stringify(prepared.findings))
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The error shown under a field. */
function fieldError(page, field) {
  return page.locator('.el-form-item', { has: page.locator(byTest(field)) }).last().locator('.el-form-item__error')
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 4000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

/** Types a day into an Element Plus date picker (inside the wrapper carrying `test`). */
async function typeDate(page, test, day) {
  const input = page.locator(`${byTest(test)} input`)
  await input.click()
  await input.fill(day)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

describe('四个100%', () => {
  it('the school’s safety officer adds a guard on a phone and sees 专职保安 met', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    // The home card: the four at a glance, 专职保安 not met.
    const card = page.locator(byTest('home-security'))
    await card.waitFor()
    assert.match(await page.locator(byTest('home-security-guards')).innerText(), /未达标/)
    assert.doesNotMatch(await page.locator(byTest('home-security-closed_campus')).innerText(), /未达标/)
    await expectNoSidewaysScroll(page, 'the home page with the security card at 375 px')
    await page.click(byTest('home-security-link'))
    await page.waitForURL(new RegExp(`/security/schools/${schoolId}$`))
    await page.waitForSelector(byTest('security-indicators'))
    assert.equal((await page.locator(byTest('security-school')).innerText()).trim(), SCHOOL)
    const guards = page.locator(byTest('indicator-guards'))
    assert.equal((await guards.locator(byTest('indicator-state')).innerText()).trim(), '未达标')
    assert.match(await guards.locator(`${byTest('finding-security.guards')} ${byTest('finding-reason')}`).innerText(), /缺 1 名/)
    assert.match(await page.locator(byTest('indicator-all')).innerText(), /未达标/)
    await expectNoSidewaysScroll(page, 'the security record at 375 px')
    await tallScreenshot(page, 'security-record-375')
    await expectAccessible(page, 'the security record at 375 px')

    // Edit: a guard added with a birth date too late, refused beside the field.
    await page.click(byTest('security-edit'))
    await page.waitForSelector(byTest('security-form'))
    const n = required - 1
    await page.click(byTest('guards-add'))
    await page.waitForSelector(byTest(`guards-${n}`))
    await page.fill(byTest(`guards-${n}-name`), GUARD)
    await page.fill(byTest(`guards-${n}-license_no`), '鄂420100099')
    await page.fill(byTest(`guards-${n}-employer`), '示范区保安服务公司')
    await typeDate(page, `guards-${n}-birth_date`, `${Number(today.slice(0, 4)) - 10}-01-01`)
    await page.click(byTest('security-save'))
    await fieldError(page, `guards-${n}-birth_date`).waitFor()
    assert.match(await fieldError(page, `guards-${n}-birth_date`).innerText(), /16/)
    await expectNoSidewaysScroll(page, 'the security form at 375 px')
    await tallScreenshot(page, 'security-form-375')
    await expectAccessible(page, 'the security form with a refused field at 375 px')

    await typeDate(page, `guards-${n}-birth_date`, '1985-07-15')
    await page.click(byTest('security-save'))
    await page.locator('.el-message--success', { hasText: '台账已保存' }).waitFor()
    await page.waitForSelector(byTest('security-view'))
    saved = true
    assert.equal((await guards.locator(byTest('indicator-state')).innerText()).trim(), '达标')
    assert.match(await guards.locator(`${byTest('finding-security.guards')} ${byTest('finding-reason')}`).innerText(), new RegExp(`现有 ${required} 名`))
    assert.match(await page.locator(byTest('indicator-all')).innerText(), /四个100%：达标/)
    assert.ok((await page.locator(byTest('view-guard')).allInnerTexts()).some((t) => t.includes(GUARD)))
    await expectAccessible(page, 'the security record saved at 375 px')

    // Back home: the card follows.
    await page.goto(`${server.url}/home`)
    await page.waitForSelector(byTest('home-security-all'))
    assert.match(await page.locator(byTest('home-security-all')).innerText(), /达标/)
    assert.doesNotMatch(await page.locator(byTest('home-security-all')).innerText(), /未达标/)
    assert.deepEqual(errors, [])
    await context.close()

    // At a desk the school's menu has its own record, not the board.
    const desk = await newPage(browser, DESKTOP)
    await login(desk.page, server, 'school1_safety')
    const menu = await menuItems(desk.page)
    assert.ok(menu.includes('security'), menu.join())
    assert.ok(!menu.includes('security-board'), menu.join())
    await desk.page.click(byTest('menu-security'))
    await desk.page.waitForURL(new RegExp(`/security/schools/${schoolId}$`))
    await desk.page.waitForSelector(byTest('security-view'))
    await screenshot(desk.page, 'security-record-desktop')
    await expectAccessible(desk.page, 'the security record')
    assert.deepEqual(desk.errors, [])
    await desk.context.close()
  })

  it('the bureau reads the board, opens a school short of the four and exports the board', async () => {
    assert.ok(saved, 'the school saved its record')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.waitForSelector(byTest('home-security-board'))
    assert.match(await page.locator(byTest('home-security-rate')).innerText(), /%（\d+ \/ \d+ 所），未填报 \d+ 所/)
    const menu = await menuItems(page)
    assert.ok(menu.includes('security-board'), menu.join())
    assert.ok(!menu.includes('security'), menu.join())
    await page.click(byTest('menu-security-board'))
    await page.waitForURL(/\/security\/board$/)
    await page.waitForSelector(byTest('board-rates'))
    assert.equal(await page.inputValue(`${byTest('board-date')} input`), today)
    const rates = await page.$$eval(`${byTest('board-rates')} > li`, (els) => els.map((e) => e.getAttribute('data-test')))
    assert.deepEqual(rates, ['rate-all', 'rate-guards', 'rate-closed_campus', 'rate-alarm_video', 'rate-gate_duty'])
    assert.match(await page.locator(`${byTest('rate-all')} ${byTest('rate-value')}`).innerText(), /^\d{1,3}(\.\d)?%$/)
    const count = await page.locator(`${byTest('rate-all')} ${byTest('rate-count')}`).innerText()
    const [compliant] = count.match(/\d+/g).map(Number)
    assert.ok(compliant >= 1, `the school counts as compliant: ${count}`)
    assert.match(await page.locator(byTest('board-screened')).innerText(), /已填报 \d+ \/ \d+ 所/)
    // The school meets all four now: not among those short.
    assert.equal(await page.locator(byTest('short-school'), { hasText: SCHOOL }).count(), 0)
    await screenshot(page, 'security-board-desktop')
    await expectAccessible(page, 'the security board')

    // The export.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('board-export'))])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const file = join(resultsDir, 'security-board-export.xlsx')
    await download.saveAs(file)
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(SCHOOL) || sheet.includes('四个100%'), 'the export holds the board')

    // A school short of the four, opened from the board: its failed indicator and the reason.
    const link = page.locator(`a${byTest('short-school')}`).first()
    if ((await link.count()) > 0) {
      const name = (await link.innerText()).trim()
      await link.click()
      await page.waitForURL(/\/security\/schools\/\d+$/)
      await page.waitForSelector(byTest('security-indicators'))
      assert.equal((await page.locator(byTest('security-school')).innerText()).trim(), name)
      assert.match(await page.locator(byTest('indicator-all')).innerText(), /未达标/)
    } else {
      await page.goto(`${server.url}/security/schools/${schoolId}`)
      await page.waitForSelector(byTest('security-indicators'))
    }
    assert.equal(await page.locator(byTest('security-form')).count(), 0)
    assert.ok(await page.$(byTest('security-to-board')), 'the bureau goes back to the board')
    await expectAccessible(page, 'a school’s security record, read by the bureau')
    assert.deepEqual(errors, [])
    await context.close()

    // The board on a phone does not scroll sideways.
    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, 'safety_office')
    await phone.page.goto(`${server.url}/security/board`)
    await phone.page.waitForSelector(byTest('board-rates'))
    await phone.page.waitForTimeout(300)
    assert.equal(await phone.page.locator(`.el-table${byTest('short')}`).count(), 0, 'cards, not a table, on a phone')
    await expectNoSidewaysScroll(phone.page, 'the security board at 375 px')
    await tallScreenshot(phone.page, 'security-board-375')
    await expectAccessible(phone.page, 'the security board at 375 px')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  })
})
