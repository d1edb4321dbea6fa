// 安全责任 (measures 1 and 2) in a real browser. The demo district's first school, 示范区双桥小学, has
// duty lists for its leader (school1_leader, signed), its safety officer (signed) and its teacher
// (school1_teacher, not signed). The leader, at a desk, opens 职责清单 from the menu under 责任清单 and
// reads how many lists are 未签订 (N ≥ 1), the teacher's among them; then 三管三必须, with its gaps
// listed. The teacher, on a phone (375 px), finds 签订安全工作职责清单 in 我的待办, opens 我的职责清单
// (also in the menu drawer), reads the duties numbered under their posts, opens 签订 (a drawer from the
// bottom), is told a wrong password at the field without being logged out, signs with the right one
// and sees 已签订 with today's date; the pages never scroll sideways and pass axe-core. Back at the
// desk the leader reloads 职责清单: N − 1 未签订, the teacher's list 已签订. The bureau's safety office
// opens 责任落实看板: the school's row matches the API, exported as 责任落实看板.xlsx with the school in it.
// The leader opens 安全述职 from the menu: this year's 发现隐患 (> 0: the demo has a year of hazards at
// the school) matches the API and the row 发现隐患 of 安全述职.xlsx; last year's figures differ (or
// are zeros); on paper the console's frame and the controls are left out; at 375 px the page fits
// and passes axe-core.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
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

const LEADER = 'school1_leader'
const TEACHER = 'school1_teacher'
const OFFICE = 'safety_office'
const SCHOOL = '示范区双桥小学'
const SCHOOL_ID = 21
const LISTS_PATH = '/api/v1/duties/lists'
/** China's civil date today (the server's dates are China dates). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
/** 未签订 as the leader first read it. */
let unsignedBefore = -1
/** The teacher's list, as the leader read it. */
let teacherListId = 0

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/**
 * An .xlsx workbook read with Python's zipfile: the names of its sheets, and the rows of the first
 * (shared and inline strings, as text) — as e2e/emergency-import.test.mjs reads its workbooks.
 */
function workbook(path) {
  const out = execFileSync(
    'python3',
    [
      '-c',
      `
import json, re, sys, zipfile
from xml.etree import ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
names = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).iter('{%s}sheet' % ns['m'])]
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
    cells = {}
    for c in row.findall('m:c', ns):
        col = ord(re.match('[A-Z]', c.get('r')).group(0)) - 65
        if c.get('t') == 's':
            v = shared[int(c.find('m:v', ns).text)]
        elif c.get('t') == 'inlineStr':
            v = ''.join(t.text or '' for t in c.iter('{%s}t' % ns['m']))
        else:
            v = c.findtext('m:v', '', ns)
        cells[col] = v
    rows.append([cells.get(i, '') for i in range(max(cells) + 1 if cells else 0)])
print(json.dumps({'sheets': names, 'rows': rows}, ensure_ascii=False))
`,
      path,
    ],
    { encoding: 'utf8' },
  )
  return JSON.parse(out)
}

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** 安全述职's figures as the page shows them, by card. */
const YEAR_STATS = ['lists', 'hazards-found', 'hazards-closed', 'drills', 'training', 'supervision', 'work']
async function yearFigures(page) {
  const out = {}
  for (const k of YEAR_STATS) out[k] = await textOf(page.locator(`${byTest(`duty-year-stat-${k}`)} ${byTest('stat-value')}`))
  return out
}
/** The same figures from the API's answer. */
const apiFigures = (y) => ({
  lists: `${y.lists_signed}/${y.lists}`,
  'hazards-found': String(y.hazards.found),
  'hazards-closed': String(y.hazards.closed),
  drills: String(y.drills),
  training: String(y.training_sessions),
  supervision: String(y.supervision.orders),
  work: `${y.work.done + y.work.done_late}/${y.work.due}`,
})
const isYearRead = (r, year) => {
  const u = new URL(r.url())
  return u.pathname === '/api/v1/duties/year' && r.request().method() === 'GET' && (year === undefined || u.searchParams.get('year') === String(year))
}

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

const textOf = async (locator) => (await locator.innerText()).trim()
const countOf = async (page, state) => Number(await textOf(page.locator(`${byTest(`duty-count-${state}`)} ${byTest('stat-value')}`)))

/** The teacher's user id, by their session. */
async function teacherId() {
  const teacher = await apiSession(server, TEACHER)
  const mine = await (await teacher('/api/v1/duties/mine')).json()
  assert.ok(mine.list, `the demo gives ${TEACHER} a duty list: ${JSON.stringify(mine)}`)
  return mine.list
}

describe('安全责任', () => {
  it('(a) the school leader at a desk reads the unsigned lists on 职责清单 and the gaps on 三管三必须', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, LEADER)
    const items = await menuItems(page)
    for (const item of ['duty-mine', 'duty-lists', 'duty-areas', 'duty-templates']) assert.ok(items.includes(item), `${item} in ${items.join()}`)
    assert.ok(!items.includes('duty-board'), '责任落实看板 is the bureau’s')

    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === LISTS_PATH && r.request().method() === 'GET')
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-lists')}`)
    await page.waitForURL(/\/duties\/lists$/)
    const answer = await loaded
    assert.equal(answer.status(), 200, await answer.text())
    const lists = await answer.json()
    await page.waitForSelector(byTest('duty-lists-table'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '职责清单')
    assert.equal(await textOf(page.locator(byTest('duty-school-name'))), SCHOOL)
    assert.equal(lists.unit_id, SCHOOL_ID)

    unsignedBefore = await countOf(page, 'unsigned')
    assert.ok(unsignedBefore >= 1, `N = ${unsignedBefore}`)
    assert.equal(unsignedBefore, lists.counts.unsigned)
    assert.equal(await countOf(page, 'signed'), lists.counts.signed)
    assert.equal(await countOf(page, 'outdated'), lists.counts.outdated)
    assert.equal(await page.locator(byTest('duty-list-row')).count(), lists.lists.length)

    const mine = await teacherId()
    teacherListId = mine.id
    const row = page.locator(`${byTest('duty-list-row')}[data-id="${mine.id}"]`)
    assert.equal(await row.getAttribute('data-state'), 'unsigned')
    assert.equal(await textOf(row.locator(byTest('row-state'))), '未签订')
    // The duty.signed verdict.
    assert.equal(await textOf(page.locator(byTest('duty-check-outcome'))), lists.check.outcome_label)
    await expectAccessible(page, '职责清单 at a desk')
    await screenshot(page, 'duty-lists-desktop')

    // The teacher's list opens in a drawer with its text.
    await row.locator(byTest('duty-list-open')).click()
    const drawer = page.locator(`${byTest('duty-list-drawer')}:visible`)
    await drawer.waitFor()
    assert.equal(await textOf(drawer.locator(byTest('duty-detail-holder'))), mine.holder_name)
    assert.ok((await drawer.locator(byTest('duty-item')).count()) >= 1, 'the duties listed')
    await expectAccessible(page, 'a duty list’s details at a desk')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // 三管三必须: the gaps listed.
    const areasRead = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/duties/areas/${SCHOOL_ID}` && r.request().method() === 'GET')
    await page.click(byTest('duty-areas-link'))
    await page.waitForURL(new RegExp(`/duties/areas\\?unit_id=${SCHOOL_ID}$`))
    const areas = await (await areasRead).json()
    await page.waitForSelector(byTest('duty-area-row'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '三管三必须')
    assert.ok(areas.gaps.length >= 1, `the demo leaves gaps: ${JSON.stringify(areas.gaps)}`)
    assert.deepEqual(
      (await page.locator(byTest('duty-gap')).allInnerTexts()).map((s) => s.trim()),
      areas.gaps.map((g) => g.text),
    )
    assert.equal(await page.locator(byTest('duty-area-row')).count(), areas.areas.length)
    assert.equal(await textOf(page.locator(byTest('duty-areas-check-outcome'))), areas.check.outcome_label)
    assert.ok(await page.locator(byTest('duty-areas-save')).isVisible(), 'the leader may save')
    await expectAccessible(page, '三管三必须 at a desk')
    await screenshot(page, 'duty-areas-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the teacher on a phone signs their list from 我的待办 with their password: 已签订', async (t) => {
    assert.ok(teacherListId > 0, 'test (a) found the teacher’s list')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, TEACHER)

    // 我的待办: 签订安全工作职责清单, leading to 我的职责清单.
    const group = page.locator(byTest('task-group-duty.sign'))
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '签订安全工作职责清单')
    const task = group.locator(byTest('task-item-link')).first()
    assert.equal(await task.getAttribute('href'), '/duties/mine')

    // 我的职责清单 is in the menu drawer too, under 责任清单, alone for a teacher.
    await page.click(byTest('menu-toggle'))
    const item = `${byTest('menu-drawer')} ${byTest('menu-group-duties')} ${byTest('menu-duty-mine')}`
    await page.waitForSelector(item)
    const items = await menuItems(page)
    assert.ok(items.includes('duty-mine'), items.join())
    assert.ok(!items.includes('duty-lists') && !items.includes('duty-board'), items.join())
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('menu-drawer'), { state: 'hidden' })

    const read = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/duties/mine' && r.request().method() === 'GET')
    await task.click()
    await page.waitForURL(/\/duties\/mine$/)
    const mine = (await (await read).json()).list
    assert.equal(mine.id, teacherListId)
    assert.equal(mine.can_sign, true)
    await page.waitForSelector(byTest('duty-sign'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '我的职责清单')
    assert.equal(await textOf(page.locator(byTest('duty-state'))), '未签订')
    assert.equal(await textOf(page.locator(byTest('duty-mine-school'))), SCHOOL)
    const duties = await page.locator(byTest('duty-item')).count()
    assert.ok(duties >= 1, 'the duties numbered')
    assert.match(await textOf(page.locator(byTest('duty-item')).first()), /^1\./)
    await expectNoSidewaysScroll(page, '我的职责清单 at 375 px')
    await expectAccessible(page, '我的职责清单 at 375 px')
    await screenshot(page, 'duty-mine-375')

    // 签订: a drawer from the bottom with the statement and the password.
    await page.click(byTest('duty-sign'))
    const drawer = page.locator(`${byTest('duty-sign-dialog')}:visible`)
    await drawer.waitFor()
    assert.ok(await drawer.evaluate((el) => el.classList.contains('el-drawer')), 'a drawer on a phone')
    assert.match(await textOf(drawer.locator(byTest('duty-sign-statement'))), /本人已阅读并承诺履行以上安全工作职责/)
    await expectNoSidewaysScroll(page, 'the signature at 375 px')
    await expectAccessible(page, 'the signature at 375 px')

    // A wrong password: said at the field; the teacher stays logged in.
    await page.fill(`${byTest('duty-sign-password')} input, input${byTest('duty-sign-password')}`, 'Not-the-password-1')
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === `${LISTS_PATH}/${teacherListId}/sign`)
    await page.click(byTest('duty-sign-submit'))
    const no = await refused
    const noBody = await no.text()
    assert.ok([401, 422].includes(no.status()), `a wrong password: ${no.status()} ${noBody}`)
    assert.equal(JSON.parse(noBody).error.details[0]?.field, 'password', noBody)
    t.diagnostic(`a wrong password is answered ${no.status()}: ${noBody}`)
    const fieldError = drawer.locator('.el-form-item__error')
    await fieldError.waitFor()
    assert.match(await textOf(fieldError), /密码/)
    assert.equal(new URL(page.url()).pathname, '/duties/mine', 'still on the page, not sent to log in')

    // The right one: 已签订, today.
    await page.fill(`${byTest('duty-sign-password')} input, input${byTest('duty-sign-password')}`, server.accounts[TEACHER])
    const signed = page.waitForResponse((r) => new URL(r.url()).pathname === `${LISTS_PATH}/${teacherListId}/sign`)
    await page.click(byTest('duty-sign-submit'))
    const yes = await signed
    assert.equal(yes.status(), 200, await yes.text())
    const body = await yes.json()
    assert.equal(body.state, 'signed')
    assert.equal(body.signing.signed_on, today())
    await drawer.waitFor({ state: 'hidden' })
    await page.locator(byTest('duty-state'), { hasText: '已签订' }).waitFor()
    assert.equal(await page.getAttribute(byTest('duty-state'), 'data-state'), 'signed')
    assert.equal(await textOf(page.locator(byTest('duty-signed-on'))), `已于 ${today()} 签订`)
    assert.equal(await page.$(byTest('duty-sign')), null)
    await expectNoSidewaysScroll(page, '我的职责清单 signed at 375 px')
    await expectAccessible(page, '我的职责清单 signed at 375 px')
    await screenshot(page, 'duty-mine-signed-375')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) the leader reloads 职责清单: one fewer 未签订, the teacher’s list 已签订', async () => {
    assert.ok(unsignedBefore >= 1, 'test (a) read the count')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, LEADER)
    await page.goto(`${server.url}/duties/lists`)
    await page.waitForSelector(byTest('duty-lists-table'))
    await settled(page)
    assert.equal(await countOf(page, 'unsigned'), unsignedBefore - 1)
    const row = page.locator(`${byTest('duty-list-row')}[data-id="${teacherListId}"]`)
    assert.equal(await row.getAttribute('data-state'), 'signed')
    assert.equal(await textOf(row.locator(byTest('row-signed-on'))), today())
    // The unsigned ones only: the teacher's is not among them.
    await page.click(byTest('duty-count-unsigned'))
    assert.equal(await page.getAttribute(byTest('duty-count-unsigned'), 'aria-pressed'), 'true')
    assert.equal(await page.locator(`${byTest('duty-list-row')}[data-id="${teacherListId}"]`).count(), 0)
    assert.equal(await page.locator(byTest('duty-list-row')).count(), unsignedBefore - 1)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c2) the leader’s pages fit a phone: 职责清单 as cards, the new list’s form, 三管三必须, 岗位职责模板', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, LEADER)
    await page.goto(`${server.url}/duties/lists`)
    await page.waitForSelector(byTest('duty-lists-cards'))
    await settled(page)
    await expectNoSidewaysScroll(page, '职责清单 at 375 px')
    await expectAccessible(page, '职责清单 at 375 px')
    await screenshot(page, 'duty-lists-375')
    // 新建职责清单: a drawer from the bottom, the school's people and the posts to choose.
    await page.click(byTest('duty-add'))
    const form = page.locator(`${byTest('duty-list-dialog')}:visible`)
    await form.waitFor()
    assert.ok(await form.evaluate((el) => el.classList.contains('el-drawer')), 'a drawer on a phone')
    await settled(page)
    await page.click(byTest('duty-field-local-add'))
    await expectNoSidewaysScroll(page, 'the list form at 375 px')
    await expectAccessible(page, 'the list form at 375 px')
    await page.click(byTest('duty-list-cancel'))
    await form.waitFor({ state: 'hidden' })

    await page.goto(`${server.url}/duties/areas`)
    await page.waitForSelector(byTest('duty-area-row'))
    await settled(page)
    await expectNoSidewaysScroll(page, '三管三必须 at 375 px')
    await expectAccessible(page, '三管三必须 at 375 px')
    await screenshot(page, 'duty-areas-375')

    await page.goto(`${server.url}/duties/templates`)
    await page.waitForSelector(byTest('duty-template'))
    await settled(page)
    assert.equal(await page.$(byTest('duty-template-edit')), null, 'a school reads the templates')
    await expectNoSidewaysScroll(page, '岗位职责模板 at 375 px')
    await expectAccessible(page, '岗位职责模板 at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(d) the bureau’s safety office opens 责任落实看板 and exports it', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)
    const items = await menuItems(page)
    for (const item of ['duty-board', 'duty-lists', 'duty-templates']) assert.ok(items.includes(item), `${item} in ${items.join()}`)
    assert.ok(!items.includes('duty-mine'), '我的职责清单 is a school’s')
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/duties/board' && r.request().method() === 'GET')
    await page.click(byTest('menu-duty-board'))
    await page.waitForURL(/\/duties\/board$/)
    const board = await (await loaded).json()
    const school = page.locator(`${byTest('duty-board-table')} .el-table__body tr`, { has: page.locator(byTest(`duty-board-school-${SCHOOL_ID}`)) })
    await school.waitFor()
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '责任落实看板')
    const mine = board.rows.find((r) => r.unit_id === SCHOOL_ID)
    assert.ok(mine && mine.lists >= 3, JSON.stringify(mine))
    assert.equal(Number(await textOf(school.locator(byTest('row-lists')))), mine.lists)
    assert.equal(Number(await textOf(school.locator(byTest('row-signed')))), mine.signed)
    assert.equal(Number(await textOf(school.locator(byTest('row-unsigned')))), mine.unsigned)
    assert.equal(await textOf(school.locator(byTest('row-signed_check-outcome'))), mine.signed_check.outcome_label)
    assert.equal(await textOf(school.locator(byTest('row-areas_check-outcome'))), mine.areas_check.outcome_label)
    assert.equal(Number(await textOf(page.locator(`${byTest('duty-total-schools')} ${byTest('stat-value')}`))), board.totals.schools)
    assert.equal(Number(await textOf(page.locator(`${byTest('duty-total-lists')} ${byTest('stat-value')}`))), board.totals.lists)
    await expectAccessible(page, '责任落实看板 at a desk')
    await screenshot(page, 'duty-board-desktop')

    // 导出: 责任落实看板.xlsx, the school in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('duty-board-export'))])
    assert.equal(download.suggestedFilename(), '责任落实看板.xlsx')
    const file = join(resultsDir, 'duty-board.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    assert.ok(xlsxText(file).includes(SCHOOL), 'the export lists the school')

    // The school's name opens its 职责清单.
    await page.click(byTest(`duty-board-school-${SCHOOL_ID}`))
    await page.waitForURL(new RegExp(`/duties/lists\\?unit_id=${SCHOOL_ID}$`))
    await page.waitForSelector(byTest('duty-lists-table'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('duty-school-name'))), SCHOOL)
    assert.equal(await page.$(byTest('duty-add')), null, 'the bureau reads a school’s lists')

    // 岗位职责模板: the bureau revises them.
    await page.click(byTest('menu-duty-templates'))
    await page.waitForURL(/\/duties\/templates$/)
    await page.waitForSelector(byTest('duty-template-edit'))
    await settled(page)
    await expectAccessible(page, '岗位职责模板 at a desk')
    await page.locator(byTest('duty-template-edit')).first().click()
    await page.waitForSelector(`${byTest('duty-template-dialog')}:visible ${byTest('duty-template-item-0')}`)
    await expectAccessible(page, 'a template’s revision at a desk')
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('duty-template-dialog'), { state: 'hidden' })
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(e) 责任落实看板 fits a phone: a card a school', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, OFFICE)
    await page.goto(`${server.url}/duties/board`)
    await page.waitForSelector(`${byTest('duty-board-cards')} ${byTest(`duty-board-school-${SCHOOL_ID}`)}`)
    await settled(page)
    await expectNoSidewaysScroll(page, '责任落实看板 at 375 px')
    await expectAccessible(page, '责任落实看板 at 375 px')
    await screenshot(page, 'duty-board-375')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(f) the leader opens 安全述职: 发现隐患 as in the API and the export, last year, print, a phone', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, LEADER)
    assert.ok((await menuItems(page)).includes('duty-year'), '安全述职 in the menu')
    const thisYear = Number(today().slice(0, 4))

    const loaded = page.waitForResponse((r) => isYearRead(r))
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-year')}`)
    await page.waitForURL(/\/duties\/year$/)
    const answer = await loaded
    assert.equal(answer.status(), 200, await answer.text())
    const year = await answer.json()
    await page.waitForSelector(`${byTest('duty-year')}[data-year="${thisYear}"]`)
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '安全述职')
    assert.equal(year.unit_id, SCHOOL_ID)
    assert.equal(year.year, thisYear)
    assert.equal(await textOf(page.locator(byTest('duty-school-name'))), SCHOOL)
    assert.equal(await textOf(page.locator(byTest('duty-year-as-of'))), `截至 ${year.as_of}`)

    // 发现隐患: a year of hazards at the school.
    const found = Number(await textOf(page.locator(`${byTest('duty-year-stat-hazards-found')} ${byTest('stat-value')}`)))
    assert.ok(found > 0, `发现隐患 = ${found}`)
    assert.equal(found, year.hazards.found)
    assert.equal(await textOf(page.locator(`${byTest('duty-year-stat-hazards-found')} ${byTest('stat-note')}`)), `其中已销号 ${year.hazards.found_closed}`)
    const figures = await yearFigures(page)
    assert.deepEqual(figures, apiFigures(year))
    assert.equal(await page.locator(byTest('duty-year-leader')).count(), year.leaders.length)
    assert.equal(await page.locator(byTest('duty-year-failing')).count(), year.failing.length)
    for (const [i, l] of year.leaders.entries()) {
      const row = page.locator(byTest('duty-year-leader')).nth(i)
      assert.equal(await textOf(row.locator(byTest('row-name'))), l.name)
      assert.equal(await textOf(row.locator(byTest('row-state'))), l.state)
    }
    await expectAccessible(page, '安全述职 at a desk')
    await screenshot(page, 'duty-year-desktop')

    // 导出: 安全述职.xlsx, its row 发现隐患 with the same number.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('duty-year-export'))])
    assert.equal(download.suggestedFilename(), '安全述职.xlsx')
    const file = join(resultsDir, 'duty-year.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    const book = workbook(file)
    assert.deepEqual(book.sheets, ['安全述职', '未达标规则'])
    const row = book.rows.find((r) => r[0] === '发现隐患')
    assert.ok(row, `a row 发现隐患 in ${JSON.stringify(book.rows)}`)
    assert.equal(Number(row[1]), found, JSON.stringify(row))

    // 打印: the browser's print, and on paper the report alone.
    await page.evaluate(() => {
      window.__printed = 0
      window.print = () => {
        window.__printed += 1
      }
    })
    await page.click(byTest('duty-year-print'))
    assert.equal(await page.evaluate(() => window.__printed), 1)
    await page.emulateMedia({ media: 'print' })
    for (const gone of ['.el-aside', '.top-bar', byTest('page-heading'), byTest('duty-year-select'), byTest('duty-year-export'), byTest('duty-year-print')]) {
      assert.equal(await page.locator(gone).first().isVisible(), false, `${gone} is left off the paper`)
    }
    for (const kept of [byTest('duty-school-name'), byTest('duty-year-title'), byTest('duty-year-stat-hazards-found'), byTest('duty-year-leaders-table')]) {
      assert.equal(await page.locator(kept).first().isVisible(), true, `${kept} is on the paper`)
    }
    await page.emulateMedia({ media: 'screen' })

    // Last year: read as of its last day, its own figures (or zeros).
    const lastYear = thisYear - 1
    const readLast = page.waitForResponse((r) => isYearRead(r, lastYear))
    await choose(page, 'duty-year-select', `${lastYear} 年`)
    const last = await (await readLast).json()
    await page.waitForSelector(`${byTest('duty-year')}[data-year="${lastYear}"]`)
    await settled(page)
    assert.equal(last.as_of, `${lastYear}-12-31`)
    assert.equal(await textOf(page.locator(byTest('duty-year-as-of'))), `截至 ${lastYear}-12-31`)
    const lastFigures = await yearFigures(page)
    assert.deepEqual(lastFigures, apiFigures(last))
    const zeros = Object.values(lastFigures).every((v) => /^0(\/0)?$/.test(v))
    assert.ok(zeros || JSON.stringify(lastFigures) !== JSON.stringify(figures), `${lastYear}: ${JSON.stringify(lastFigures)}, ${thisYear}: ${JSON.stringify(figures)}`)
    assert.equal(await page.locator(byTest('duty-year-failing')).count(), last.failing.length)
    await expectAccessible(page, `安全述职 of ${lastYear} at a desk`)

    // 职责清单 leads to the school's 安全述职.
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-lists')}`)
    await page.waitForSelector(byTest('duty-year-link'))
    await page.click(byTest('duty-year-link'))
    await page.waitForURL(new RegExp(`/duties/year\\?unit_id=${SCHOOL_ID}$`))
    await page.waitForSelector(`${byTest('duty-year')}[data-year="${thisYear}"]`)
    assert.deepEqual(errors, [])
    await context.close()

    // A phone: the leaders and the rules as cards, no sideways scroll, axe.
    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, LEADER)
    await phone.page.goto(`${server.url}/duties/year`)
    await phone.page.waitForSelector(`${byTest('duty-year')}[data-year="${thisYear}"]`)
    await settled(phone.page)
    assert.equal(await phone.page.$(byTest('duty-year-leaders-table')), null, 'cards on a phone')
    if (year.leaders.length > 0) await phone.page.waitForSelector(byTest('duty-year-leaders-cards'))
    if (year.failing.length > 0) await phone.page.waitForSelector(byTest('duty-year-failing-cards'))
    assert.equal(Number(await textOf(phone.page.locator(`${byTest('duty-year-stat-hazards-found')} ${byTest('stat-value')}`))), found)
    await expectNoSidewaysScroll(phone.page, '安全述职 at 375 px')
    await expectAccessible(phone.page, '安全述职 at 375 px')
    await screenshot(phone.page, 'duty-year-375')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  })
})
