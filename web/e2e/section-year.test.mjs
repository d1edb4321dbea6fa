// 科室述职 (measures 2 and 3) in a real browser. The head of 基础教育科 (section_basic), at a desk, opens
// 科室述职 from the menu under 责任清单: no section picker (a section reads its own), the section, 截至 and
// the four figures — 科室人员, 监管事项, 牵头全区工作, 本科室承办工作 — as the API answers them, the
// supervision items and the work led counted as the API lists them; 导出 gives 科室述职.xlsx whose first
// sheet names the section (sheets 科室述职, 监管事项, 牵头工作); 安全述职 stays the schools' (the section head
// picks a school there, as the bureau does). On a phone (375 px) the page is no wider than the screen
// and passes axe-core. The bureau's safety office opens the page on the bureau's first section (its
// work led linking to each item's page), picks 基础教育科 in the picker and reads the same figures; on
// paper the picker and the buttons are left out. A school's leader finds no 科室述职 in the menu, and
// the page, opened by its address, says 无权访问.
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

const SECTION_HEAD = 'section_basic'
const OFFICE = 'safety_office'
const SCHOOL_LEADER = 'school1_leader'
const SECTION = '基础教育科'
const PATH = '/api/v1/duties/year/section'
/** What the tests share: the section head's answer (a). */
const shared = { year: null }

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

const textOf = async (locator) => (await locator.innerText()).trim()
const isRead = (sectionId) => (r) => {
  const u = new URL(r.url())
  return u.pathname === PATH && r.request().method() === 'GET' && (sectionId === undefined || u.searchParams.get('section_id') === String(sectionId))
}

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, test, label) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(test))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** The figures as the page shows them, by card: value and note. */
const STATS = ['people', 'supervision', 'led', 'own']
async function figures(page) {
  const out = {}
  for (const k of STATS) {
    const card = page.locator(byTest(`section-year-stat-${k}`))
    out[k] = [await textOf(card.locator(byTest('stat-value'))), await textOf(card.locator(byTest('stat-note')))]
  }
  return out
}
/** The same figures from the API's answer. */
const apiFigures = (y) => ({
  people: [String(y.people.length), y.people.length ? y.people.join('、') : '暂无在岗人员'],
  supervision: [String(y.supervision.length), y.measures.length ? `对应措施 ${y.measures.join('、')}` : '尚未对应方案措施'],
  led: [String(y.led.length), `按时 ${y.led_total.done}，逾期完成 ${y.led_total.done_late}，逾期未完成 ${y.led_total.overdue}`],
  own: [`${y.own.done + y.own.done_late}/${y.own.due}`, `逾期完成 ${y.own.done_late}，逾期未完成 ${y.own.overdue}`],
})

/** The sheets of an .xlsx workbook and the rows of its first, with Python's zipfile. */
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

describe('科室述职', () => {
  it('(a) the head of 基础教育科 opens 科室述职 from the menu: the figures as in the API, the export, a phone', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, SECTION_HEAD)
    const items = await menuItems(page)
    assert.ok(items.includes('duty-year-section'), `科室述职 in ${items.join()}`)

    const loaded = page.waitForResponse(isRead())
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-year-section')}`)
    await page.waitForURL(/\/duties\/year\/section$/)
    const answer = await loaded
    assert.equal(answer.status(), 200, await answer.text())
    assert.equal(new URL(answer.url()).searchParams.get('section_id'), null, 'a section reads its own without naming it')
    const year = await answer.json()
    await page.waitForSelector(`${byTest('section-year')}[data-year="${year.year}"]`)
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '科室述职')
    assert.equal(await page.$(byTest('section-year-section')), null, 'no section picker for a section')
    assert.equal(year.section_name, SECTION)
    assert.equal(await textOf(page.locator(byTest('section-year-name'))), SECTION)
    assert.equal(await textOf(page.locator(byTest('section-year-title'))), `${year.year} 年度科室述职`)
    assert.equal(await textOf(page.locator(byTest('section-year-as-of'))), `截至 ${year.as_of}`)

    // The figures: the API's, in the page's order; the same as a fresh read over HTTP.
    const shown = await figures(page)
    assert.deepEqual(shown, apiFigures(year))
    const head = await apiSession(server, SECTION_HEAD)
    const again = await (await head(PATH)).json()
    assert.deepEqual(apiFigures(again), shown)
    assert.ok(year.people.length > 0, 'the demo section has its people')
    assert.equal(await page.locator(byTest('section-year-item')).count(), year.supervision.length)
    assert.equal(await page.locator(byTest('section-year-led')).count(), year.led.length)
    if (year.led.length === 0) await page.waitForSelector(byTest('section-year-led-empty'))
    for (const [i, s] of year.supervision.entries()) {
      const row = page.locator(byTest('section-year-item')).nth(i)
      assert.equal(await textOf(row.locator(byTest('row-title'))), s.title)
      assert.equal(await textOf(row.locator(byTest('row-active'))), s.person_active ? '在岗' : '不在岗')
    }
    await expectAccessible(page, '科室述职 at a desk')
    await screenshot(page, 'section-year-desktop')
    shared.year = year

    // 导出: 科室述职.xlsx, its first sheet naming the section.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('section-year-export'))])
    assert.equal(download.suggestedFilename(), '科室述职.xlsx')
    const file = join(resultsDir, 'section-year.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    assert.ok(xlsxText(file).includes(SECTION), 'the export names the section')
    const book = workbook(file)
    assert.deepEqual(book.sheets, ['科室述职', '监管事项', '牵头工作'])
    const named = book.rows.find((r) => r[0] === '科室')
    assert.ok(named, `a row 科室 in ${JSON.stringify(book.rows)}`)
    assert.equal(named[1], SECTION)
    const own = book.rows.find((r) => r[0] === '本科室承办工作')
    assert.equal(own?.[1], shown.own[0], JSON.stringify(book.rows))

    // 安全述职 stays the schools': the section head picks a school there, as the bureau does.
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-year')}`)
    await page.waitForURL(/\/duties\/year$/)
    await page.waitForSelector(byTest('duty-pick'))
    assert.deepEqual(errors, [])
    await context.close()

    // A phone: nothing wider than the screen, axe.
    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, SECTION_HEAD)
    await phone.page.goto(`${server.url}/duties/year/section`)
    await phone.page.waitForSelector(`${byTest('section-year')}[data-year="${year.year}"]`)
    await settled(phone.page)
    assert.equal(await phone.page.$(byTest('section-year-supervision-table')), null, 'cards on a phone')
    if (year.supervision.length > 0) await phone.page.waitForSelector(byTest('section-year-supervision-cards'))
    assert.deepEqual(await figures(phone.page), shown)
    await expectNoSidewaysScroll(phone.page, '科室述职 at 375 px')
    // The page's cards, figures and rows all within the screen.
    const wide = await phone.page.evaluate(() =>
      [...document.querySelectorAll('[data-test="section-year-page"] :is(.page-card, .stat, .card, .el-button)')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5),
    )
    assert.deepEqual(wide, [], 'nothing reaches past the screen at 375 px')
    await expectAccessible(phone.page, '科室述职 at 375 px')
    await screenshot(phone.page, 'section-year-375')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  })

  it('(b) the safety office picks 基础教育科 and reads the same figures; the work led links to its items; print', async () => {
    assert.ok(shared.year, 'test (a) read the section head’s year')
    const office = await apiSession(server, OFFICE)
    const { sections } = await (await office('/api/v1/duties/supervision')).json()
    assert.ok(sections.length > 1, JSON.stringify(sections))
    const basic = sections.find((s) => s.name === SECTION)
    assert.ok(basic, `${SECTION} among ${JSON.stringify(sections)}`)
    const first = sections[0]
    assert.equal((await office(PATH)).status, 422, 'the bureau names a section')

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)
    assert.ok((await menuItems(page)).includes('duty-year-section'), '科室述职 in the bureau’s menu')
    const loaded = page.waitForResponse(isRead(first.id))
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-year-section')}`)
    await page.waitForURL(/\/duties\/year\/section$/)
    const firstYear = await (await loaded).json()
    await page.waitForSelector(`${byTest('section-year')}[data-section="${first.id}"]`)
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('section-year-name'))), first.name)
    assert.deepEqual(await figures(page), apiFigures(firstYear))
    assert.equal(await page.locator(byTest('section-year-led')).count(), firstYear.led.length)
    await expectAccessible(page, `科室述职 of ${first.name} at a desk`)

    // The work a section led opens its page.
    if (firstYear.led.length > 0) {
      const w = firstYear.led[0]
      const row = page.locator(byTest('section-year-led')).first()
      assert.equal(await textOf(row.locator(byTest('row-title'))), w.title)
      assert.equal(await textOf(row.locator(byTest('row-overdue'))), String(w.figures.overdue))
      await row.locator(byTest('row-title')).click()
      await page.waitForURL(new RegExp(`/duties/work/${w.item_id}$`))
      await page.goBack()
      await page.waitForSelector(`${byTest('section-year')}[data-section="${first.id}"]`)
    }

    // 基础教育科: the section head's figures (after another section, should it be the first).
    if (first.id === basic.id) {
      const other = sections.find((s) => s.id !== basic.id)
      const readOther = page.waitForResponse(isRead(other.id))
      await choose(page, 'section-year-section', other.name)
      await readOther
      await page.waitForSelector(`${byTest('section-year')}[data-section="${other.id}"]`)
      await settled(page)
    }
    const readBasic = page.waitForResponse(isRead(basic.id))
    await choose(page, 'section-year-section', SECTION)
    const basicYear = await (await readBasic).json()
    await page.waitForSelector(`${byTest('section-year')}[data-section="${basic.id}"]`)
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('section-year-name'))), SECTION)
    const shown = await figures(page)
    assert.deepEqual(shown, apiFigures(basicYear))
    assert.deepEqual(shown, apiFigures(shared.year), 'the bureau reads the figures the section head read')
    await expectAccessible(page, `科室述职 of ${SECTION} at a desk`)
    await screenshot(page, 'section-year-office')

    // The export names the section picked.
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname === `${PATH}/export`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('section-year-export'))])
    assert.equal(download.suggestedFilename(), '科室述职.xlsx')
    assert.equal(new URL((await asked).url()).searchParams.get('section_id'), String(basic.id))
    const file = join(resultsDir, 'section-year-office.xlsx')
    await download.saveAs(file)
    assert.ok(xlsxText(file).includes(SECTION), 'the export names the section')

    // 打印: the browser's print, and on paper the report alone.
    await page.evaluate(() => {
      window.__printed = 0
      window.print = () => {
        window.__printed += 1
      }
    })
    await page.click(byTest('section-year-print'))
    assert.equal(await page.evaluate(() => window.__printed), 1)
    await page.emulateMedia({ media: 'print' })
    for (const gone of ['.el-aside', '.top-bar', byTest('page-heading'), byTest('section-year-section'), byTest('section-year-select'), byTest('section-year-export')]) {
      assert.equal(await page.locator(gone).first().isVisible(), false, `${gone} is left off the paper`)
    }
    for (const kept of [byTest('section-year-name'), byTest('section-year-title'), byTest('section-year-stat-own')]) {
      assert.equal(await page.locator(kept).first().isVisible(), true, `${kept} is on the paper`)
    }
    await page.emulateMedia({ media: 'screen' })
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) a school’s leader finds no 科室述职 in the menu, and the page says 无权访问', async () => {
    const leader = await apiSession(server, SCHOOL_LEADER)
    assert.equal((await leader(PATH)).status, 403)
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, SCHOOL_LEADER)
    const items = await menuItems(page)
    assert.ok(items.includes('duty-year'), `安全述职 in ${items.join()}`)
    assert.ok(!items.includes('duty-year-section'), `no 科室述职 in ${items.join()}`)
    await page.goto(`${server.url}/duties/year/section`)
    await page.waitForSelector(byTest('forbidden'))
    assert.deepEqual(errors, [])
    await context.close()
  })
})
