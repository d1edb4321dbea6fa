// The people of the emergency setups in and out of Excel (应急人员), in a real browser. At a desk the
// bureau's safety office opens 应急体系总览 and downloads the template (应急人员导入模板.xlsx: the header
// 学校代码 … 联系电话, a sheet 填写说明). 导入人员 opens the shared import dialog, which says what a file
// replaces: a file built from the template for 示范区双桥小学 (its 学校代码 read over the API) with a row
// whose 名单 is “应急小组” is refused — the dialog lists row 3, column 名单, and nothing is written (the
// setup's version and lists as they were). The file put right names four people of 最小应急单元 —
// a 保安员, two 教职工 and a 周边商户志愿者 —, replaces the school's three (写入 4 人，替换 3 人) and keeps its
// command structure, card and plans; the overview reloads with the school's volunteer counted and its
// unit 达标. 导出人员 saves 应急人员.xlsx with the four imported and the command structure kept. Then the
// school's safety officer, on a phone, finds 人员导入/导出 beside 打印应急卡 on 应急体系 (within the 375 px,
// the page never scrolling sideways), exports 应急人员.xlsx — their own school's people only, the
// imported ones among them — and opens the import dialog, which passes axe-core.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
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
const SCHOOL = '示范区双桥小学'
const SCHOOL_ID = 21
const SETUP_PATH = `/api/v1/emergency/setups/${SCHOOL_ID}`
const IMPORT_PATH = '/api/v1/emergency/people/import'
const HEADER = ['学校代码', '学校名称', '名单', '职责', '姓名', '职务或单位', '联系电话']
const UNIT = '最小应急单元'
/** The minimal emergency unit the file gives the school (the rule asks 1 保安员, 2 教职工, 1 志愿者). */
const PEOPLE = [
  ['保安员', '钱卫国', '门卫保安', '13905719901'],
  ['教职工', '林晓红', '体育教师', '13905719902'],
  ['教职工', '韩立军', '值周教师', '0571-87659903'],
  ['周边商户志愿者', '何志明', '双桥超市', '13905719904'],
]
let schoolCode
/** The school's setup before the import. */
let before0
let imported = false

/** A row of the file for the school. */
const personRow = (list, [role, name, post, phone]) => [schoolCode, SCHOOL, list, role, name, post, phone]

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-emergency-import-'))
  const bureau = await apiSession(server, 'safety_office')
  const school = await (await bureau(`/api/v1/schools/${SCHOOL_ID}`)).json()
  assert.equal(school.name, SCHOOL)
  schoolCode = school.code
  assert.ok(schoolCode, `the school has a code: ${JSON.stringify(school)}`)
  before0 = await (await bureau(SETUP_PATH)).json()
  assert.ok(before0.version > 0 && before0.unit.length > 0 && before0.command.length > 0, 'the demo gives the school a setup')
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/**
 * An .xlsx workbook read with Python's zipfile: the names of its sheets, and the rows of the first
 * (shared and inline strings, as text).
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

/** Fails unless the element is shown whole inside the viewport's width. */
async function expectWithinWidth(page, selector, label) {
  const box = await page.locator(selector).boundingBox()
  assert.ok(box, `${label}: shown`)
  const width = page.viewportSize().width
  assert.ok(box.x >= 0 && box.x + box.width <= width + 1, `${label}: ${box.x}–${box.x + box.width} px in ${width} px`)
}

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** Chooses `file` in the open import dialog, starts the import and gives the server's answer. */
async function importFile(page, file) {
  await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, file)
  await page.locator(byTest('import-file'), { hasText: file.split('/').pop() }).waitFor()
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === IMPORT_PATH)
  await page.click(byTest('import-start'))
  return answered
}

/** The rows of the school in a workbook of people. */
const schoolRows = (rows) => rows.slice(1).filter((r) => r[0] === schoolCode)

describe('应急人员 in and out of Excel', () => {
  it('(a) the bureau’s safety office downloads the template, has a wrong 名单 refused, replaces a school’s minimal emergency unit and exports the people', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/emergency/setups' && r.request().method() === 'GET')
    await page.goto(`${server.url}/emergency/setups`)
    assert.equal((await loaded).status(), 200)
    const school = page.locator(`${byTest('emergency-setups-table')} .el-table__body tr`, { has: page.locator(byTest(`emergency-setups-school-${SCHOOL_ID}`)) })
    await school.waitFor()
    await settled(page)
    // The demo's unit: no volunteer.
    assert.equal((await school.locator(byTest('row-volunteers')).innerText()).trim(), '0')
    assert.equal((await school.locator(byTest('row-unit-outcome')).innerText()).trim(), '未达标')
    // Beside the overview's 导出: 下载模板, 导入人员, 导出人员.
    const toolbar = (await page.locator(`${byTest('emergency-setups-page')} .toolbar .el-button`).allInnerTexts()).map((s) => s.trim())
    assert.deepEqual(toolbar, ['导出', '下载模板', '导入人员', '导出人员'])

    // 下载模板: the header row, and the sheet 填写说明.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('emergency-people-template'))])
    assert.equal(download.suggestedFilename(), '应急人员导入模板.xlsx')
    const template = join(tmp, 'template.xlsx')
    await download.saveAs(template)
    const text = xlsxText(template)
    assert.ok(text.includes('学校代码') && text.includes('联系电话'), 'the template names 学校代码 … 联系电话')
    const blank = workbook(template)
    assert.deepEqual(blank.rows[0], HEADER)
    assert.equal(blank.rows.length, 1, 'no data rows')
    assert.deepEqual(blank.sheets, ['应急人员', '填写说明'])

    // 导入人员: the shared dialog, saying what a file replaces.
    await page.click(byTest('emergency-people-import'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    assert.equal((await dialog.locator('.el-dialog__title').innerText()).trim(), '导入应急人员')
    assert.match(await page.locator(byTest('emergency-import-note')).innerText(), /整体替换为文件中的人员/)

    // A row whose 名单 is neither list: refused, row 3 and 名单 listed, nothing written.
    const bad = join(tmp, 'people-bad.xlsx')
    sheetFromTemplate(template, bad, [HEADER, personRow(UNIT, PEOPLE[0]), personRow('应急小组', PEOPLE[1])])
    const refused = await importFile(page, bad)
    assert.equal(refused.status(), 422)
    assert.equal(new URL(refused.url()).searchParams.get('format'), 'xlsx')
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const listed = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(
      listed.some((r) => /^3\s/.test(r.trim()) && r.includes('名单')),
      listed.join(' | '),
    )
    const bureau = await apiSession(server, 'safety_office')
    const unchanged = await (await bureau(SETUP_PATH)).json()
    assert.equal(unchanged.version, before0.version, 'nothing written')
    assert.deepEqual(unchanged.unit, before0.unit)
    await expectAccessible(page, 'the people import with a refused row at a desk')
    await screenshot(page, 'emergency-import-refused-desktop')

    // The file put right: the school's minimal emergency unit replaced by the four, the overview reloaded.
    const good = join(tmp, 'people.xlsx')
    sheetFromTemplate(template, good, [HEADER, ...PEOPLE.map((p) => personRow(UNIT, p))])
    const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/emergency/setups' && r.request().method() === 'GET')
    const written = await importFile(page, good)
    assert.equal(written.status(), 200)
    await page.locator(byTest('import-summary'), { hasText: '导入完成' }).waitFor()
    assert.equal((await page.locator(byTest('import-summary')).innerText()).trim(), `导入完成：写入 ${PEOPLE.length} 人，替换 ${before0.unit.length} 人`)
    assert.equal(await page.locator(byTest('import-errors')).count(), 0)
    assert.equal((await reloaded).status(), 200)
    imported = true
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
    // The overview as reloaded: the school's volunteer counted.
    await page.waitForFunction(
      (cell) => document.querySelector(cell)?.textContent?.trim() === '1',
      `${byTest('emergency-setups-table')} .el-table__body tr:has(${byTest(`emergency-setups-school-${SCHOOL_ID}`)}) ${byTest('row-volunteers')}`,
    )
    assert.equal((await school.locator(byTest('row-guards')).innerText()).trim(), '1')
    assert.equal((await school.locator(byTest('row-staff')).innerText()).trim(), '2')
    assert.equal((await school.locator(byTest('row-unit-outcome')).innerText()).trim(), '达标')

    // The list named replaced; the command structure, the card and the plans kept.
    const after = await (await bureau(SETUP_PATH)).json()
    assert.deepEqual(
      after.unit.map((p) => [p.role_label, p.name, p.post, p.phone]),
      PEOPLE,
    )
    assert.deepEqual(after.command, before0.command)
    assert.deepEqual(after.plans, before0.plans)
    assert.equal(after.duty_phone, before0.duty_phone)
    assert.equal(after.gathering_point, before0.gathering_point)

    // 导出人员: 应急人员.xlsx, the four imported and the command structure kept.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.click(byTest('emergency-people-export'))])
    assert.equal(exported.suggestedFilename(), '应急人员.xlsx')
    const file = join(resultsDir, 'emergency-people.xlsx')
    await exported.saveAs(file)
    const sheet = workbook(file)
    assert.deepEqual(sheet.rows[0], HEADER)
    const rows = schoolRows(sheet.rows)
    assert.deepEqual(
      rows.filter((r) => r[2] === UNIT).map((r) => r.slice(3)),
      PEOPLE,
    )
    assert.equal(rows.filter((r) => r[2] === '应急指挥体系').length, before0.command.length)
    assert.ok(rows.every((r) => r[1] === SCHOOL))
    assert.ok(new Set(sheet.rows.slice(1).map((r) => r[0])).size > 1, 'the bureau’s export holds every school of its scope')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the school’s safety officer on a phone finds 人员导入/导出 beside 打印应急卡 and exports their own school’s people', async () => {
    assert.ok(imported, 'test (a) imported the people')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === SETUP_PATH && r.request().method() === 'GET')
    await page.goto(`${server.url}/emergency`)
    assert.equal((await loaded).status(), 200)
    await page.waitForSelector(byTest('emergency-editor'))
    await settled(page)
    // The imported unit shows in the editor.
    assert.equal(await page.inputValue(byTest('emergency-unit-row-3-name')), PEOPLE[3][1])

    assert.equal((await page.locator(byTest('emergency-people')).innerText()).trim(), '人员导入/导出')
    await expectWithinWidth(page, byTest('emergency-people'), '人员导入/导出 at 375 px')
    await expectWithinWidth(page, byTest('emergency-print'), '打印应急卡 at 375 px')
    await expectNoSidewaysScroll(page, '应急体系 with 人员导入/导出 at 375 px')
    await page.click(byTest('emergency-people'))
    await page.locator(`${byTest('emergency-people-export')}:visible`).waitFor()
    for (const item of ['emergency-people-import', 'emergency-people-template', 'emergency-people-export']) {
      await expectWithinWidth(page, `${byTest(item)}:visible`, `${item} at 375 px`)
    }
    await expectNoSidewaysScroll(page, 'the people menu open at 375 px')

    // 导出人员: the school's own people only.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${byTest('emergency-people-export')}:visible`)])
    assert.equal(download.suggestedFilename(), '应急人员.xlsx')
    const file = join(tmp, 'school-people.xlsx')
    await download.saveAs(file)
    const sheet = workbook(file)
    assert.deepEqual(sheet.rows[0], HEADER)
    assert.ok(sheet.rows.length > 1)
    assert.ok(
      sheet.rows.slice(1).every((r) => r[0] === schoolCode && r[1] === SCHOOL),
      'only the officer’s own school',
    )
    assert.deepEqual(
      sheet.rows.filter((r) => r[2] === UNIT).map((r) => r[4]),
      PEOPLE.map((p) => p[1]),
    )

    // 导入人员: the dialog fits the phone and passes axe-core.
    await page.locator(`${byTest('emergency-people-menu')} .el-button:not(.is-loading)`).waitFor()
    await page.click(byTest('emergency-people'))
    await page.locator(`${byTest('emergency-people-import')}:visible`).click()
    await page.locator(`${byTest('emergency-import-note')}:visible`).waitFor()
    await expectNoSidewaysScroll(page, 'the people import dialog at 375 px')
    await expectAccessible(page, 'the people import dialog at 375 px')
    await screenshot(page, 'emergency-import-375')
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
    assert.deepEqual(errors, [])
    await context.close()
  })
})
