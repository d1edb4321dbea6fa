// 交通安全一校一策 in a real browser. The safety officer of the first demo school (school1_safety), on a
// phone (375 px), opens 一校一策 from the menu drawer under 交通与校车 — 未制定, the demo gives the school
// no guide — and writes it: 南门 (人车共用) with its hours, 一年级's arrival and dismissal at 南门, a
// 护学岗 with its people, 人车分流 and the police's peak duty, and a road-facility need (人行横道 on the
// road before 南门). A peak ending before it starts is refused by the server and the reason shows
// under its 结束时间; corrected, 保存 makes it 未发布, 发布 (confirmed) 本学期已发布, and 报送交警
// (confirmed) sends the need as one whistle: the need shows 已报送 with 吹哨 #N, which opens the
// whistle. 打印 opens the paper for the parents with the school's name and 南门. The page never
// scrolls sideways and passes axe-core. At a desk, the bureau's safety office opens 一校一策总览 (not
// in the school's menu): at least one school 本学期已发布, 示范区双桥小学 among them with its need sent;
// 导出 saves the overview; the school's name opens its guide, 本学期已发布.
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
const GATE = '南门'
const NEED_PLACE = '南门前人民路'

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

/** Picks an option of an Element Plus select (or time select) by its visible label. */
async function choose(page, field, label) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
}

/** Opens a page from the phone's menu drawer. */
async function fromDrawer(page, name) {
  await page.click(byTest('menu-toggle'))
  await page.waitForSelector(`${byTest('menu-drawer')} ${byTest(`menu-${name}`)}`)
  await page.click(`${byTest('menu-drawer')} ${byTest(`menu-${name}`)}`)
}

/** Clicks `test` and waits for the answer to the guide's write it makes (`path` ends the URL). */
async function write(page, test, method, path, confirm = false) {
  const answered = page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(path))
  await page.click(byTest(test))
  if (confirm) {
    await page.waitForSelector(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
    await page.click(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
  }
  return answered
}

const stateOf = async (page) => (await page.locator(byTest('guide-state')).innerText()).trim()

describe('交通安全一校一策', () => {
  it('(a) the safety officer on a phone writes, publishes and prints the guide, and sends its need to the police', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)

    // 一校一策 from the menu drawer, under 交通与校车; 一校一策总览 is the bureau's.
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-traffic-guide')}`)
    const items = await menuItems(page)
    assert.ok(items.includes('traffic-guide'), items.join())
    assert.ok(!items.includes('traffic-guides'), '一校一策总览 is not in a school’s menu')
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-traffic-guide')}`)
    await page.waitForURL(/\/traffic\/guide$/)
    await page.waitForSelector(byTest('guide-editor'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '一校一策')
    assert.equal((await page.locator(byTest('guide-school-name')).innerText()).trim(), SCHOOL)
    assert.equal(await stateOf(page), '未制定')
    assert.match(await page.locator(byTest('guide-term')).innerText(), /学年第.学期/)
    assert.equal(await page.locator(byTest('guide-send')).count(), 0, 'nothing to send yet')
    await expectNoSidewaysScroll(page, '一校一策 (empty) at 375 px')
    await expectAccessible(page, '一校一策 (empty) at 375 px')

    // 校门.
    await page.click(byTest('gates-add'))
    await page.fill(byTest('gates-0-name'), GATE)
    await page.fill(byTest('gates-0-hours'), '07:00—08:00，16:00—17:00')
    // On a phone the fields stack: the hours under the name, not beside it.
    const name = await page.locator(byTest('gates-0-name')).boundingBox()
    const hours = await page.locator(byTest('gates-0-hours')).boundingBox()
    assert.ok(hours.y > name.y + name.height, `stacked: ${JSON.stringify({ name, hours })}`)

    // 上下学高峰: 一年级 入校 07:30—07:10 (wrong on purpose), 放学 16:00—16:20, both at 南门.
    await page.click(byTest('peaks-add'))
    await page.fill(byTest('peaks-0-grade'), '一年级')
    await choose(page, 'peaks-0-from', '07:30')
    await choose(page, 'peaks-0-to', '07:10')
    await choose(page, 'peaks-0-gate', GATE)
    await page.click(byTest('peaks-add'))
    await page.fill(byTest('peaks-1-grade'), '一年级')
    await choose(page, 'peaks-1-kind', '放学')
    await choose(page, 'peaks-1-from', '16:00')
    await choose(page, 'peaks-1-to', '16:20')
    await choose(page, 'peaks-1-gate', GATE)

    // 护学岗, 人车分流, 公安交警高峰勤务.
    await page.click(byTest('posts-add'))
    await page.fill(byTest('posts-0-place'), '南门路口')
    await choose(page, 'posts-0-from', '07:20')
    await choose(page, 'posts-0-to', '08:00')
    await page.fill(byTest('posts-0-people'), '王老师、家长志愿者2人')
    await page.fill(byTest('field-separation'), '学生从南门步行出入，车辆一律从北门进出。')
    await page.fill(byTest('field-police_unit'), '城关交警中队')
    await page.fill(byTest('field-police_duty'), '上下学高峰时段派1名民警在南门路口疏导交通。')

    // 周边交通设施需求: a crossing on the road before 南门.
    await page.click(byTest('needs-add'))
    await choose(page, 'needs-0-kind', '人行横道')
    await page.fill(byTest('needs-0-location'), NEED_PLACE)
    await page.fill(byTest('needs-0-description'), '上下学时车速快，需施划人行横道')
    await expectNoSidewaysScroll(page, '一校一策 filled in at 375 px')

    // 保存: the server refuses the peak ending before it starts, its reason under 结束时间.
    const refused = await write(page, 'guide-save', 'PUT', '/api/v1/traffic/guides/21')
    assert.equal(refused.status(), 422)
    const toError = page.locator(byTest('peaks-0-to')).locator('xpath=ancestor::div[contains(@class,"el-form-item")][1]').locator('.el-form-item__error')
    await toError.waitFor()
    assert.match(await toError.innerText(), /结束时间须晚于开始时间/)
    assert.match(await page.locator(byTest('peaks-0-problems')).innerText(), /1 处需修改/)
    assert.equal(await stateOf(page), '未制定')
    await expectAccessible(page, 'the refused peak at 375 px')

    // Corrected (07:50), saved: 未发布.
    await choose(page, 'peaks-0-to', '07:50')
    // The reason goes once the time is changed.
    await toError.waitFor({ state: 'detached' })
    const saved = await write(page, 'guide-save', 'PUT', '/api/v1/traffic/guides/21')
    assert.equal(saved.status(), 200, await saved.text())
    await page.waitForFunction((test) => document.querySelector(test)?.textContent?.trim() === '未发布', byTest('guide-state'))
    assert.equal(await page.locator(byTest('guide-dirty')).count(), 0)

    // 发布, confirmed: 本学期已发布, today.
    const published = await write(page, 'guide-publish', 'POST', '/api/v1/traffic/guides/21/publish', true)
    assert.equal(published.status(), 200, await published.text())
    await page.waitForFunction((test) => document.querySelector(test)?.textContent?.trim() === '本学期已发布', byTest('guide-state'))
    assert.match(await page.locator(byTest('guide-published')).innerText(), /^\d{4}-\d{2}-\d{2}/)

    // 报送交警, confirmed: the need is sent as one whistle, 已报送 with its link.
    const sent = await write(page, 'guide-send', 'POST', '/api/v1/traffic/guides/21/needs/whistle', true)
    assert.equal(sent.status(), 200, await sent.text())
    const whistleId = (await sent.json()).needs[0].whistle_id
    assert.ok(whistleId > 0, 'the need records its whistle')
    await page.waitForSelector(byTest('needs-0-sent'))
    assert.equal((await page.locator(byTest('needs-0-sent')).innerText()).trim(), '已报送')
    assert.equal((await page.locator(byTest('needs-0-whistle')).innerText()).trim(), `吹哨 #${whistleId}`)
    assert.equal((await page.locator(byTest('needs-0-location')).innerText()).trim(), NEED_PLACE)
    assert.equal(await page.locator(byTest('guide-send')).count(), 0, 'nothing left to send')
    assert.equal(await stateOf(page), '本学期已发布', 'sending does not change the guide')
    await expectNoSidewaysScroll(page, 'the published guide at 375 px')
    await expectAccessible(page, 'the published guide at 375 px')
    await screenshot(page, 'traffic-guide-375')

    // The link opens the whistle raised for the police.
    await page.click(byTest('needs-0-whistle'))
    await page.waitForURL(new RegExp(`/whistles/${whistleId}$`))
    await page.locator(byTest('whistle-title'), { hasText: '学校周边交通设施需求' }).waitFor()
    assert.match(await page.locator(byTest('whistle-title')).innerText(), /人行横道/)

    // Back to the guide, then 打印: the paper for the parents.
    await fromDrawer(page, 'traffic-guide')
    await page.waitForURL(/\/traffic\/guide$/)
    await page.waitForSelector(byTest('needs-0-sent'))
    await page.click(byTest('guide-print'))
    await page.waitForURL(/\/traffic\/guide\/21\/print$/)
    await page.waitForSelector(byTest('guide-paper'))
    await settled(page)
    assert.equal((await page.locator(byTest('paper-title')).innerText()).trim(), `${SCHOOL}交通安全一校一策（致家长）`)
    assert.equal((await page.locator(byTest('sheet-gate-name')).first().innerText()).trim(), GATE)
    assert.match(await page.locator(byTest('sheet-police-duty')).innerText(), /南门路口/)
    assert.equal(await page.locator(byTest('paper-not-current')).count(), 0, 'published this semester')
    assert.equal(await page.locator(byTest('sheet-needs')).count(), 0, 'the needs are not the parents’')
    assert.match(await page.locator(byTest('paper-foot')).innerText(), /学年第.学期/)
    await expectNoSidewaysScroll(page, 'the paper for the parents at 375 px')
    await expectAccessible(page, 'the paper for the parents at 375 px')
    await screenshot(page, 'traffic-guide-print-375')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the bureau at a desk finds the school 本学期已发布 on 一校一策总览, exports it and opens the guide', async () => {
    // The school's guide as (a) left it: published this semester with its need sent.
    const officer = await apiSession(server, ACCOUNT)
    const guide = await (await officer('/api/v1/traffic/guides/21')).json()
    assert.equal(guide.state, 'current', 'test (a) published the guide')

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const items = await menuItems(page)
    assert.ok(items.includes('traffic-guides') && items.includes('traffic-guide'), items.join())
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/traffic/guides' && r.request().method() === 'GET')
    await page.click(byTest('menu-traffic-guides'))
    await page.waitForURL(/\/traffic\/guides$/)
    assert.equal((await loaded).status(), 200)
    const school = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('guides-school-21')) })
    await school.waitFor()
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '一校一策总览')
    const current = Number((await page.locator(`${byTest('count-current')} ${byTest('stat-value')}`).innerText()).trim())
    assert.ok(current >= 1, `本学期已发布: ${current}`)
    assert.equal((await school.locator(byTest('row-state')).innerText()).trim(), '本学期已发布')
    assert.equal((await school.locator(byTest('row-gates')).innerText()).trim(), '1')
    assert.equal((await school.locator(byTest('row-posts')).innerText()).trim(), '1')
    assert.equal((await school.locator(byTest('row-needs')).innerText()).trim(), '已报送 1 / 共 1')
    assert.match(await school.locator(byTest('row-published')).innerText(), /^\d{4}-\d{2}-\d{2}$/)
    await expectAccessible(page, '一校一策总览 at a desk')
    await screenshot(page, 'traffic-guides-desktop')

    // The card 本学期已发布 filters on it: the school is there, every row 本学期已发布.
    const filtered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/traffic/guides' && new URL(r.url()).searchParams.get('state') === 'current')
    await page.click(byTest('count-current'))
    assert.equal((await filtered).status(), 200)
    await page.waitForFunction(
      (test) => {
        const tags = [...document.querySelectorAll(`${test} .el-table__body [data-test="row-state"]`)]
        return tags.length > 0 && tags.every((t) => t.textContent.trim() === '本学期已发布')
      },
      byTest('table'),
    )
    assert.equal(await page.getAttribute(byTest('count-current'), 'aria-pressed'), 'true')
    await school.waitFor()

    // 导出: the overview as .xlsx, the school in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    assert.equal(download.suggestedFilename(), '交通安全一校一策.xlsx')
    const file = join(resultsDir, 'traffic-guides.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(SCHOOL) && sheet.includes('本学期已发布'), 'the export lists the school, published')

    // The school's name opens its guide: 本学期已发布, its need sent.
    await page.click(byTest('guides-school-21'))
    await page.waitForURL(/\/traffic\/guide\?unit_id=21$/)
    await page.waitForFunction((test) => document.querySelector(test)?.textContent?.trim() === '本学期已发布', byTest('guide-state'))
    await settled(page)
    assert.equal((await page.locator(byTest('guide-school-name')).innerText()).trim(), SCHOOL)
    assert.equal((await page.locator(byTest('needs-0-sent')).innerText()).trim(), '已报送')
    await expectAccessible(page, 'a school’s guide for the bureau at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) the bureau at 375 px: the overview’s table scrolls inside its card, the page does not; 一校一策 picks the school', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    await fromDrawer(page, 'traffic-guides')
    await page.waitForURL(/\/traffic\/guides$/)
    await page.waitForSelector(`${byTest('table')} ${byTest('guides-school-21')}`)
    await settled(page)
    await expectNoSidewaysScroll(page, '一校一策总览 at 375 px')
    await expectAccessible(page, '一校一策总览 at 375 px')
    await screenshot(page, 'traffic-guides-375')

    // 一校一策 from the drawer: no school yet; the school picked, its guide.
    await fromDrawer(page, 'traffic-guide')
    await page.waitForURL(/\/traffic\/guide$/)
    await page.waitForSelector(byTest('guide-pick'))
    await expectNoSidewaysScroll(page, '一校一策 without a school at 375 px')
    await expectAccessible(page, '一校一策 without a school at 375 px')
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/traffic/guides/21')
    await choose(page, 'guide-school', SCHOOL)
    assert.equal((await loaded).status(), 200)
    await page.waitForFunction((test) => document.querySelector(test)?.textContent?.trim() === '本学期已发布', byTest('guide-state'))
    await settled(page)
    assert.equal((await page.locator(byTest('guide-school-name')).innerText()).trim(), SCHOOL)
    await expectNoSidewaysScroll(page, 'a school’s guide for the bureau at 375 px')
    await expectAccessible(page, 'a school’s guide for the bureau at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
