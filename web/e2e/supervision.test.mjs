// 科室监管事项 and 措施覆盖 (measure 2) in a real browser. The demo bureau's five sections have 14
// supervision items; measures 3 (齐抓共管) and 16 (接送学生车辆) have none, so 措施覆盖 reads 19/21 and the
// safety office's 我的待办 names them (方案措施待落实监管科室). The safety office, at a desk, finds the
// group on the home page, opens 措施覆盖 from the menu (19/21, measure 3 无科室监管), then 科室监管事项,
// and adds an item for 安全管理科 and its head (管业务, measures 3 and 16): saved without measures first,
// it is told so at the field; then saved. Back on 措施覆盖 it is 21/21 (the to-do group gone), and
// both workbooks are exported (方案措施覆盖情况.xlsx with measure 3 已覆盖, 科室监管事项.xlsx with the new
// item). The head of 基础教育科 (section_basic), on a phone (375 px), sees 我的监管事项 on the home page
// with their items, and opens 科室监管事项 and 措施覆盖 read only, as cards, without sideways scrolling.
// A school's safety officer neither finds the pages in the menu nor opens them (无权访问), and the API
// refuses them (403).
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
} from './harness.mjs'

let server
let browser

const OFFICE = 'safety_office'
const SECTION_HEAD = 'section_basic'
const SCHOOL_OFFICER = 'school1_safety'
const ITEMS_PATH = '/api/v1/duties/supervision'
const COVERAGE_PATH = '/api/v1/duties/supervision/coverage'
const NEW_TITLE = '建立部门联席会议，协调接送学生车辆治理'
/** The item the safety office adds (test a). */
let added = null

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The sheets of an .xlsx workbook and the rows of each (shared and inline strings, as text). */
function workbook(path) {
  const out = execFileSync(
    'python3',
    [
      '-c',
      `
import json, re, sys, zipfile
from xml.etree import ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
r = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
z = zipfile.ZipFile(sys.argv[1])
book = ET.fromstring(z.read('xl/workbook.xml'))
rels = {x.get('Id'): x.get('Target') for x in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
sheets = {}
for s in book.iter('{%s}sheet' % ns['m']):
    target = rels[s.get(r)].lstrip('/')
    path = target if target.startswith('xl/') else 'xl/' + target
    rows = []
    for row in ET.fromstring(z.read(path)).iter('{%s}row' % ns['m']):
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
    sheets[s.get('name')] = rows
print(json.dumps(sheets, ensure_ascii=False))
`,
      path,
    ],
    { encoding: 'utf8' },
  )
  return JSON.parse(out)
}

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

const textOf = async (locator) => (await locator.innerText()).trim()
const statOf = (page, test) => textOf(page.locator(`${byTest(test)} ${byTest('stat-value')}`))
/** An Element Plus input by its data-test (on the input itself, or on its wrapper). */
const field = (test) => `input${byTest(test)}, ${byTest(test)} input`
const isGet = (path) => (r) => new URL(r.url()).pathname === path && r.request().method() === 'GET'

/** Picks an option of an Element Plus select by its visible label (a string, or a pattern). */
async function choose(page, field, label) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** Picks several options of a multiple select, then closes its list. */
async function chooseMany(page, field, labels, closeOn) {
  await page.click(byTest(field))
  for (const label of labels) await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
  await page.click(closeOn)
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
}

/** Downloads what `button` exports; checks its name and that it is a workbook; returns its path. */
async function exported(page, button, name, file) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest(button))])
  assert.equal(download.suggestedFilename(), name)
  const path = join(resultsDir, file)
  await download.saveAs(path)
  assert.equal(readFileSync(path).subarray(0, 2).toString('latin1'), 'PK')
  return path
}

describe('科室监管事项 and 措施覆盖', () => {
  it('(a) the safety office finds 19/21, adds the item for measures 3 and 16, and reads 21/21; both workbooks exported', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)

    // 我的待办: the measures no section covers, each leading to 措施覆盖.
    const group = page.locator(byTest('task-group-duty.coverage'))
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '方案措施待落实监管科室')
    const tasks = group.locator(byTest('task-item-link'))
    assert.equal(await tasks.count(), 2)
    assert.match(await textOf(tasks.first()), /^措施 3/)
    assert.equal(await tasks.first().getAttribute('href'), '/duties/supervision/coverage')

    const items = await menuItems(page)
    for (const item of ['duty-supervision', 'duty-supervision-coverage']) assert.ok(items.includes(item), `${item} in ${items.join()}`)

    // 措施覆盖: 19/21, measures 3 and 16 without a section.
    const read = page.waitForResponse(isGet(COVERAGE_PATH))
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-supervision-coverage')}`)
    await page.waitForURL(/\/duties\/supervision\/coverage$/)
    const answer = await read
    assert.equal(answer.status(), 200, await answer.text())
    const before = await answer.json()
    assert.equal(before.covered, 19)
    assert.equal(before.total, 21)
    assert.deepEqual(before.uncovered, [3, 16])
    await page.waitForSelector(byTest('coverage-status-3'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '措施覆盖')
    assert.equal(await statOf(page, 'coverage-covered'), '19/21')
    assert.match(await textOf(page.locator(byTest('coverage-covered'))), /已覆盖/)
    assert.equal(await statOf(page, 'coverage-none'), '2')
    assert.equal(await textOf(page.locator(byTest('coverage-status-3'))), '无科室监管')
    assert.equal(await page.getAttribute(byTest('coverage-status-3'), 'data-status'), 'none')
    assert.equal(await textOf(page.locator(byTest('coverage-status-16'))), '无科室监管')
    assert.equal(await textOf(page.locator(byTest('coverage-status-1'))), '已覆盖')
    assert.equal(await page.locator(`${byTest('coverage-measures-table')} .el-table__body tr`).count(), 21)
    await expectAccessible(page, '措施覆盖 at a desk')
    await screenshot(page, 'supervision-coverage-desktop')

    // 科室监管事项: the bureau's 14 items, the safety office may add.
    const listed = page.waitForResponse(isGet(ITEMS_PATH))
    await page.click(byTest('coverage-items-link'))
    await page.waitForURL(/\/duties\/supervision$/)
    const list = await (await listed).json()
    assert.equal(list.can_edit, true)
    assert.ok(list.items.length >= 14, `${list.items.length} items`)
    await page.waitForSelector(byTest(`supervision-row-${list.items[0].id}`))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '科室监管事项')
    assert.equal(await page.locator(`${byTest('supervision-table')} [data-test^="supervision-row-"]`).count(), list.items.length)
    const first = list.items[0]
    const firstRow = page.locator(`${byTest('supervision-table')} .el-table__body tr`, { has: page.locator(byTest(`supervision-row-${first.id}`)) })
    assert.equal(await textOf(firstRow.locator(byTest('row-title'))), first.title)
    assert.equal(await textOf(firstRow.locator(byTest('row-measures'))), `措施${first.measures.join('、')}`)
    await expectAccessible(page, '科室监管事项 at a desk')
    await screenshot(page, 'supervision-items-desktop')

    const section = list.sections.find((s) => s.name === '安全管理科')
    assert.ok(section, JSON.stringify(list.sections))
    const head = section.people.find((p) => p.name.includes('刘科长'))
    assert.ok(head, JSON.stringify(section.people))

    // 新增监管事项: without measures first, told at the field; nothing sent.
    await page.click(byTest('supervision-add'))
    const dialog = page.locator(`${byTest('supervision-dialog')}:visible`)
    await dialog.waitFor()
    await expectAccessible(page, 'the supervision item form at a desk')
    await choose(page, 'supervision-form-section', '安全管理科')
    await choose(page, 'supervision-form-person', head.name)
    await page.click(byTest('supervision-form-kind-business'))
    assert.equal(await page.$(`${byTest('supervision-form-stage')}:visible`), null, 'no stage for 管业务')
    await page.fill(field('supervision-form-title'), NEW_TITLE)
    await page.fill(field('supervision-form-post'), '科长')
    let posted = 0
    const countPosts = (r) => {
      if (new URL(r.url()).pathname === ITEMS_PATH && r.method() === 'POST') posted += 1
    }
    page.on('request', countPosts)
    await page.click(byTest('supervision-save'))
    const measuresError = dialog.locator('.el-form-item', { has: page.locator(byTest('supervision-form-measures')) }).locator('.el-form-item__error')
    await measuresError.waitFor()
    assert.equal(await textOf(measuresError), '请选择至少一项对应措施')
    assert.equal(posted, 0, 'the console refused it')
    await expectAccessible(page, 'the supervision item form with its error')

    // Measures 3 and 16: saved.
    await chooseMany(page, 'supervision-form-measures', [/^\s*措施 3 /, /^\s*措施 16 /], `${byTest('supervision-dialog')} .el-dialog__title`)
    await measuresError.waitFor({ state: 'detached' })
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === ITEMS_PATH && r.request().method() === 'POST')
    const reread = page.waitForResponse(isGet(ITEMS_PATH))
    await page.click(byTest('supervision-save'))
    const yes = await saved
    assert.equal(yes.status(), 201, await yes.text())
    page.off('request', countPosts)
    added = await yes.json()
    assert.equal(added.section_id, section.id)
    assert.equal(added.person_user_id, head.user_id)
    assert.equal(added.kind, 'business')
    assert.equal(added.stage, '')
    assert.deepEqual(added.measures, [3, 16])
    assert.equal(added.title, NEW_TITLE)
    await dialog.waitFor({ state: 'hidden' })
    await reread
    const row = page.locator(`${byTest('supervision-table')} .el-table__body tr`, { has: page.locator(byTest(`supervision-row-${added.id}`)) })
    await row.waitFor()
    assert.equal(await textOf(row.locator(byTest('row-title'))), NEW_TITLE)
    assert.equal(await textOf(row.locator(byTest('row-measures'))), '措施3、16')
    assert.equal(await textOf(row.locator(byTest('row-kind'))), '管业务')
    assert.equal(await textOf(row.locator(byTest('row-person'))), head.name)

    // 导出: 科室监管事项.xlsx with the new item.
    const itemsBook = workbook(await exported(page, 'supervision-export', '科室监管事项.xlsx', 'supervision-items.xlsx'))
    const itemRows = Object.values(itemsBook)[0]
    const mine = itemRows.find((r) => r.includes(NEW_TITLE))
    assert.ok(mine, JSON.stringify(itemRows))
    assert.ok(mine.includes('安全管理科') && mine.includes('3、16'), JSON.stringify(mine))

    // Back on 措施覆盖 (a kept tab, read again): 21/21.
    const again = page.waitForResponse(isGet(COVERAGE_PATH))
    await page.click(byTest('supervision-coverage-link'))
    await page.waitForURL(/\/duties\/supervision\/coverage$/)
    const now = await (await again).json()
    assert.equal(now.covered, 21)
    assert.deepEqual(now.uncovered, [])
    await page.locator(byTest('coverage-status-3'), { hasText: '已覆盖' }).waitFor()
    await settled(page)
    assert.equal(await statOf(page, 'coverage-covered'), '21/21')
    assert.equal(await statOf(page, 'coverage-none'), '0')
    assert.equal(await textOf(page.locator(byTest('coverage-status-16'))), '已覆盖')
    const measure3 = page.locator(`${byTest('coverage-measures-table')} .el-table__body tr`, { has: page.locator(byTest('coverage-measure-3')) })
    assert.match(await textOf(measure3.locator(byTest('row-sections'))), /安全管理科/)

    // 导出: 方案措施覆盖情况.xlsx, measure 3 已覆盖.
    const coverageBook = workbook(await exported(page, 'coverage-export', '方案措施覆盖情况.xlsx', 'supervision-coverage.xlsx'))
    assert.deepEqual(Object.keys(coverageBook), ['措施覆盖', '各科室'])
    const three = coverageBook['措施覆盖'].find((r) => r[0] === '3')
    assert.ok(three, JSON.stringify(coverageBook['措施覆盖']))
    assert.equal(three.at(-1), '已覆盖', JSON.stringify(three))

    // 我的待办 no longer names a measure.
    const office = await apiSession(server, OFFICE)
    const mineTasks = await (await office('/api/v1/me/tasks')).json()
    const left = mineTasks.groups.find((g) => g.kind === 'duty.coverage')
    assert.ok(!left || left.count === 0, JSON.stringify(left))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the head of 基础教育科 on a phone: 我的监管事项 on the home page, the pages read only as cards', async () => {
    const head = await apiSession(server, SECTION_HEAD)
    const mine = await (await head(`${ITEMS_PATH}/mine`)).json()
    assert.ok(mine.items.length >= 1, JSON.stringify(mine))
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, SECTION_HEAD)

    const card = page.locator(byTest('home-my-supervision'))
    await card.waitFor()
    assert.equal(await textOf(card.locator('h2')), '我的监管事项')
    assert.deepEqual(
      (await card.locator(byTest('home-my-supervision-title')).allInnerTexts()).map((s) => s.trim()),
      mine.items.map((i) => i.title),
    )
    assert.deepEqual(
      (await card.locator(byTest('home-my-supervision-measures')).allInnerTexts()).map((s) => s.trim()),
      mine.items.map((i) => `措施${i.measures.join('、')}`),
    )
    await expectNoSidewaysScroll(page, 'the home page at 375 px')
    await expectAccessible(page, 'the home page of a section head at 375 px')
    await screenshot(page, 'supervision-home-375')

    // Both pages in the menu drawer.
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-duty-supervision')}`, { state: 'attached' })
    const items = await menuItems(page)
    for (const item of ['duty-supervision', 'duty-supervision-coverage']) assert.ok(items.includes(item), `${item} in ${items.join()}`)
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('menu-drawer'), { state: 'hidden' })

    // 科室监管事项: cards, read only.
    const listed = page.waitForResponse(isGet(ITEMS_PATH))
    await page.click(byTest('home-my-supervision-link'))
    await page.waitForURL(/\/duties\/supervision$/)
    const list = await (await listed).json()
    assert.equal(list.can_edit, false)
    await page.waitForSelector(`${byTest('supervision-cards')} ${byTest(`supervision-card-${mine.items[0].id}`)}`)
    await settled(page)
    assert.equal(await page.$(byTest('supervision-table')), null, 'cards on a phone')
    assert.equal(await page.locator(`${byTest('supervision-cards')} [data-test^="supervision-card-"]`).count(), list.items.length)
    for (const gone of ['supervision-add', 'supervision-import', `supervision-edit-${mine.items[0].id}`, `supervision-delete-${mine.items[0].id}`]) {
      assert.equal(await page.$(byTest(gone)), null, `${gone} is the safety office’s`)
    }
    assert.ok(await page.locator(byTest('supervision-readonly')).isVisible(), 'said read only')
    assert.ok(await page.locator(byTest('supervision-export')).isVisible(), '导出 within reach')
    await expectNoSidewaysScroll(page, '科室监管事项 at 375 px')
    await expectAccessible(page, '科室监管事项 at 375 px')
    await screenshot(page, 'supervision-items-375')

    // 措施覆盖: cards, 21/21 after test (a).
    await page.click(byTest('supervision-coverage-link'))
    await page.waitForURL(/\/duties\/supervision\/coverage$/)
    await page.waitForSelector(`${byTest('coverage-measures-cards')} ${byTest('coverage-status-3')}`)
    await settled(page)
    assert.equal(await page.$(byTest('coverage-measures-table')), null, 'cards on a phone')
    assert.equal(await page.locator(byTest('coverage-measure-card')).count(), 21)
    if (added) assert.equal(await statOf(page, 'coverage-covered'), '21/21')
    await expectNoSidewaysScroll(page, '措施覆盖 at 375 px')
    await expectAccessible(page, '措施覆盖 at 375 px')
    await screenshot(page, 'supervision-coverage-375')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) a school’s safety officer neither finds nor opens the pages', async () => {
    const officer = await apiSession(server, SCHOOL_OFFICER)
    for (const path of [ITEMS_PATH, COVERAGE_PATH]) {
      const r = await officer(path)
      assert.equal(r.status, 403, `${path}: ${r.status} ${await r.text()}`)
    }
    assert.deepEqual((await (await officer(`${ITEMS_PATH}/mine`)).json()).items, [])

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, SCHOOL_OFFICER)
    const items = await menuItems(page)
    assert.ok(items.includes('duty-lists'), items.join())
    for (const item of ['duty-supervision', 'duty-supervision-coverage']) assert.ok(!items.includes(item), `${item} not in ${items.join()}`)
    assert.equal(await page.$(byTest('home-my-supervision')), null)

    for (const path of ['/duties/supervision', '/duties/supervision/coverage']) {
      await page.goto(server.url + path)
      await page.waitForSelector(byTest('forbidden'))
      assert.equal(new URL(page.url()).pathname, '/forbidden', path)
      assert.equal(await textOf(page.locator(byTest('page-heading'))), '无权访问')
      assert.equal(await page.$(byTest('supervision-table')), null)
      assert.equal(await page.$(byTest('coverage-totals')), null)
    }
    await expectAccessible(page, '无权访问 at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
