// 应急体系 (measure 19) in a real browser. The safety officer of the first demo school (school1_safety),
// on a phone (375 px), finds 应急体系待完善 in 我的待办 (the item leads to the school's setup) and opens
// 应急体系 from the menu drawer under 培训与应急 (应急体系总览 is the bureau's): the demo gives 示范区双桥小学
// a command structure and plans that pass, and a minimal emergency unit of 1 保安员 and 2 教职工 but no
// 周边商户志愿者, so 最小应急单元 shows 未达标 with “周边商户志愿者 0 人”. The officer adds a row —
// 周边商户志愿者 赵明 of 双桥便利店 — with the phone 12345: 保存 is refused by the server and its reason
// shows under that row's 电话 (1 处需修改). Corrected to 13905710009 and saved, 最小应急单元 shows 达标.
// The rows stack on the phone and the page never scrolls sideways; it passes axe-core. The overall
// plan's PDF is uploaded at once (POST /api/v1/files) and attached on saving (file_id), its link
// reads it. 打印应急卡 opens the card: the school's name, 报警 110 / 火警 119 / 急救 120, the duty phone
// and 赵明 with his phone; back home, 应急体系待完善 is gone. A teacher of the school reads the setup
// (the plan's PDF too) without editing it. At a desk, the bureau's safety office opens 应急体系总览:
// 示范区双桥小学 达标, at least one school 未建立 (its card filters on them); 导出 saves 应急体系.xlsx with
// the school in it; the school's name opens its setup, 最小应急单元 达标.
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
const SCHOOL_ID = 21
const SETUP_PATH = `/api/v1/emergency/setups/${SCHOOL_ID}`
const VOLUNTEER = '赵明'
const SHOP = '双桥便利店'
const PHONE_OK = '13905710009'

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
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
}

/** Clicks 保存 and waits for the server's answer to the PUT. */
async function save(page) {
  const answered = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === SETUP_PATH)
  await page.click(byTest('emergency-save'))
  return answered
}

/** Waits until a check shows `label` (达标 / 未达标). */
async function checkIs(page, rule, label) {
  await page.waitForFunction(
    ([test, want]) => document.querySelector(test)?.textContent?.trim() === want,
    [byTest(`emergency-check-${rule}-outcome`), label],
  )
}

const textOf = async (page, test) => (await page.locator(byTest(test)).innerText()).trim()

describe('应急体系', () => {
  it('(a) the safety officer on a phone adds a volunteer to the minimal emergency unit, fixes the phone the server refuses, and prints the card', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)

    // 我的待办: 应急体系待完善, the unit's reason, leading to the school's setup.
    const group = page.locator(byTest('task-group-emergency.setup'))
    await group.waitFor()
    assert.equal((await group.locator(byTest('task-group-label')).innerText()).trim(), '应急体系待完善')
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/emergency')
    const task = group.locator(byTest('task-item'), { hasText: '周边商户志愿者' })
    await task.waitFor()
    assert.equal(await task.locator(byTest('task-item-link')).getAttribute('href'), `/emergency?unit_id=${SCHOOL_ID}`)

    // 应急体系 from the menu drawer, under 培训与应急; 应急体系总览 is the bureau's.
    await page.click(byTest('menu-toggle'))
    const item = `${byTest('menu-drawer')} ${byTest('menu-group-training')} ${byTest('menu-emergency-setup')}`
    await page.waitForSelector(item)
    assert.match(await page.locator(`${byTest('menu-drawer')} ${byTest('menu-group-training')}`).innerText(), /培训与应急/)
    const items = await menuItems(page)
    assert.ok(items.includes('emergency-setup'), items.join())
    assert.ok(!items.includes('emergency-setups'), '应急体系总览 is not in a school’s menu')
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === SETUP_PATH && r.request().method() === 'GET')
    await page.click(item)
    await page.waitForURL(/\/emergency$/)
    assert.equal((await loaded).status(), 200)
    await page.waitForSelector(byTest('emergency-editor'))
    await settled(page)
    assert.equal(await textOf(page, 'page-heading'), '应急体系')
    assert.equal(await textOf(page, 'emergency-school-name'), SCHOOL)

    // The demo's setup: the command structure and the plans pass; the unit has no volunteer.
    assert.equal(await textOf(page, 'emergency-check-emergency.command-outcome'), '达标')
    assert.equal(await textOf(page, 'emergency-check-emergency.plan-outcome'), '达标')
    assert.equal(await textOf(page, 'emergency-check-emergency.unit-outcome'), '未达标')
    assert.match(await textOf(page, 'emergency-check-emergency.unit-reason'), /周边商户志愿者 0 人/)
    assert.equal(await page.locator(`${byTest('emergency-unit-rows')} > ol > li`).count(), 3, '1 保安员 and 2 教职工')
    await expectNoSidewaysScroll(page, '应急体系 at 375 px')
    await expectAccessible(page, '应急体系 at 375 px')

    // A fourth person: 周边商户志愿者 赵明 of 双桥便利店, with a phone that reaches nobody.
    await page.click(byTest('emergency-unit-add'))
    await page.waitForSelector(byTest('emergency-unit-row-3'))
    await choose(page, 'emergency-unit-row-3-role', '周边商户志愿者')
    await page.fill(byTest('emergency-unit-row-3-name'), VOLUNTEER)
    await page.fill(byTest('emergency-unit-row-3-post'), SHOP)
    await page.fill(byTest('emergency-unit-row-3-phone'), '12345')
    // On a phone the fields stack: the phone under the name, not beside it.
    const name = await page.locator(byTest('emergency-unit-row-3-name')).boundingBox()
    const phone = await page.locator(byTest('emergency-unit-row-3-phone')).boundingBox()
    assert.ok(phone.y > name.y + name.height, `stacked: ${JSON.stringify({ name, phone })}`)
    assert.equal(await textOf(page, 'emergency-dirty'), '有未保存的修改')
    await expectNoSidewaysScroll(page, 'the new row at 375 px')

    // 保存: the server refuses the phone, its reason under that row's 电话.
    const refused = await save(page)
    assert.equal(refused.status(), 422)
    const detail = (await refused.json()).error.details.find((d) => d.field === 'unit[3].phone')
    assert.ok(detail, 'the server names unit[3].phone')
    const phoneError = page
      .locator(byTest('emergency-unit-row-3-phone'))
      .locator('xpath=ancestor::div[contains(@class,"el-form-item")][1]')
      .locator('.el-form-item__error')
    await phoneError.waitFor()
    assert.equal((await phoneError.innerText()).trim(), detail.reason)
    assert.match(detail.reason, /联系电话/)
    assert.match(await textOf(page, 'emergency-unit-row-3-problems'), /1 处需修改/)
    assert.equal(await textOf(page, 'emergency-check-emergency.unit-outcome'), '未达标')
    await expectNoSidewaysScroll(page, 'the refused phone at 375 px')
    await expectAccessible(page, 'the refused phone at 375 px')

    // Corrected: the reason goes once the phone changes; saved, the unit is 达标.
    await page.fill(byTest('emergency-unit-row-3-phone'), PHONE_OK)
    await phoneError.waitFor({ state: 'detached' })
    const saved = await save(page)
    assert.equal(saved.status(), 200, await saved.text())
    const body = await saved.json()
    assert.deepEqual(
      body.unit.map((p) => p.role),
      ['guard', 'staff', 'staff', 'volunteer'],
    )
    await checkIs(page, 'emergency.unit', '达标')
    assert.equal(await page.locator(byTest('emergency-dirty')).count(), 0)
    assert.equal(await page.inputValue(byTest('emergency-unit-row-3-name')), VOLUNTEER)
    await expectNoSidewaysScroll(page, 'the saved setup at 375 px')
    await expectAccessible(page, 'the saved setup at 375 px')
    await screenshot(page, 'emergency-setup-375')

    // The overall plan's text as a PDF: uploaded at once, named with a link, attached on saving.
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/files')
    await page.setInputFiles(byTest('emergency-plans-row-0-file-input'), {
      name: '综合应急预案.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    })
    const file = await uploaded
    assert.equal(file.status(), 201, await file.text())
    const fileId = (await file.json()).id
    await page.waitForSelector(byTest('emergency-plans-row-0-file-link'))
    assert.equal(await textOf(page, 'emergency-plans-row-0-file-link'), '综合应急预案.pdf')
    const attached = await save(page)
    assert.equal(attached.status(), 200, await attached.text())
    assert.equal((await attached.json()).plans[0].file_id, fileId)
    await page.waitForFunction((test) => !document.querySelector(test), byTest('emergency-dirty'))
    assert.equal(await page.getAttribute(byTest('emergency-plans-row-0-file-link'), 'href'), `/api/v1/files/${fileId}`)
    const pdf = await page.request.get(`${server.url}/api/v1/files/${fileId}`)
    assert.equal(pdf.status(), 200)
    assert.match((await pdf.body()).subarray(0, 5).toString('latin1'), /^%PDF-/)

    // 打印应急卡: the school's card with the numbers to call and the volunteer.
    await page.click(byTest('emergency-print'))
    await page.waitForURL(new RegExp(`/emergency/${SCHOOL_ID}/card$`))
    await page.waitForSelector(byTest('emergency-card'))
    await settled(page)
    assert.equal(await textOf(page, 'card-title'), `${SCHOOL}应急卡`)
    assert.match(await textOf(page, 'card-police'), /110/)
    assert.match(await textOf(page, 'card-fire'), /119/)
    assert.match(await textOf(page, 'card-ambulance'), /120/)
    assert.equal(await textOf(page, 'card-duty-phone'), body.duty_phone)
    const volunteers = await textOf(page, 'card-unit-volunteer')
    assert.ok(volunteers.includes(VOLUNTEER) && volunteers.includes(PHONE_OK), volunteers)
    assert.match(await textOf(page, 'card-command-commander'), /1\d{10}/)
    assert.equal(await page.locator(byTest('card-not-written')).count(), 0)
    await expectNoSidewaysScroll(page, 'the emergency card at 375 px')
    await expectAccessible(page, 'the emergency card at 375 px')
    await screenshot(page, 'emergency-card-375')

    // Back home, nothing is left to complete: no 应急体系待完善.
    const tasks = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me/tasks')
    await page.goto(`${server.url}/home`)
    const answer = await (await tasks).json()
    assert.ok(!answer.groups.some((g) => g.kind === 'emergency.setup'), JSON.stringify(answer.groups.map((g) => g.kind)))
    await page.waitForSelector(`${byTest('my-tasks')} :is(${byTest('task-item')}, ${byTest('my-tasks-none')})`)
    assert.equal(await page.locator(byTest('task-group-emergency.setup')).count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) a teacher of the school reads the setup and its card without editing them', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_teacher')
    await page.goto(`${server.url}/emergency`)
    await page.waitForSelector(byTest('emergency-readonly'))
    await settled(page)
    assert.equal(await page.locator(byTest('emergency-save')).count(), 0)
    assert.equal(await page.locator(byTest('emergency-editor')).count(), 0)
    await checkIs(page, 'emergency.unit', '达标')
    assert.match(await page.locator(byTest('sheet-unit')).innerText(), new RegExp(VOLUNTEER))
    // The plan's PDF attached in (a), readable by the teacher.
    const link = page.locator(byTest('sheet-plan-file')).first()
    assert.equal((await link.innerText()).trim(), '综合应急预案.pdf')
    const pdf = await page.request.get(server.url + (await link.getAttribute('href')))
    assert.equal(pdf.status(), 200)
    await expectNoSidewaysScroll(page, 'the setup read by a teacher at 375 px')
    await expectAccessible(page, 'the setup read by a teacher at 375 px')
    // The card, as the officer left it.
    await page.click(byTest('emergency-print'))
    await page.waitForURL(new RegExp(`/emergency/${SCHOOL_ID}/card$`))
    await page.locator(byTest('card-unit-volunteer'), { hasText: VOLUNTEER }).waitFor()
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) the bureau at a desk finds the school 达标 on 应急体系总览, exports it and opens the setup', async () => {
    // The school's setup as (a) left it.
    const officer = await apiSession(server, ACCOUNT)
    const setup = await (await officer(SETUP_PATH)).json()
    assert.equal(setup.checks.find((c) => c.rule === 'emergency.unit').outcome, 'pass', 'test (a) completed the unit')

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const items = await menuItems(page)
    assert.ok(items.includes('emergency-setups') && items.includes('emergency-setup'), items.join())
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/emergency/setups' && r.request().method() === 'GET')
    await page.click(byTest('menu-emergency-setups'))
    await page.waitForURL(/\/emergency\/setups$/)
    assert.equal((await loaded).status(), 200)
    const school = page.locator(`${byTest('emergency-setups-table')} .el-table__body tr`, { has: page.locator(byTest(`emergency-setups-school-${SCHOOL_ID}`)) })
    await school.waitFor()
    await settled(page)
    assert.equal(await textOf(page, 'page-heading'), '应急体系总览')
    assert.equal((await school.locator(byTest('row-state')).innerText()).trim(), '达标')
    assert.equal((await school.locator(byTest('row-volunteers')).innerText()).trim(), '1')
    assert.equal((await school.locator(byTest('row-unit-outcome')).innerText()).trim(), '达标')
    const none = Number((await page.locator(`${byTest('emergency-count-none')} ${byTest('stat-value')}`).innerText()).trim())
    assert.ok(none >= 1, `未建立: ${none}`)
    await expectAccessible(page, '应急体系总览 at a desk')
    await screenshot(page, 'emergency-setups-desktop')

    // The card 未建立 filters on it: every row 未建立, without figures.
    const filtered = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/emergency/setups' && new URL(r.url()).searchParams.get('state') === 'none',
    )
    await page.click(byTest('emergency-count-none'))
    assert.equal((await filtered).status(), 200)
    await page.waitForFunction(
      (test) => {
        const tags = [...document.querySelectorAll(`${test} .el-table__body [data-test="row-state"]`)]
        return tags.length > 0 && tags.every((t) => t.textContent.trim() === '未建立')
      },
      byTest('emergency-setups-table'),
    )
    assert.equal(await page.getAttribute(byTest('emergency-count-none'), 'aria-pressed'), 'true')
    await page.click(byTest('emergency-count-none'))
    await school.waitFor()

    // 导出: the overview as .xlsx, the school in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('emergency-export'))])
    assert.equal(download.suggestedFilename(), '应急体系.xlsx')
    const file = join(resultsDir, 'emergency-setups.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(SCHOOL), 'the export lists the school')

    // The school's name opens its setup: 最小应急单元 达标, the volunteer in it.
    await page.click(byTest(`emergency-setups-school-${SCHOOL_ID}`))
    await page.waitForURL(new RegExp(`/emergency\\?unit_id=${SCHOOL_ID}$`))
    await page.waitForSelector(byTest('emergency-editor'))
    await checkIs(page, 'emergency.unit', '达标')
    await settled(page)
    assert.equal(await textOf(page, 'emergency-school-name'), SCHOOL)
    assert.equal(await page.inputValue(byTest('emergency-unit-row-3-name')), VOLUNTEER)
    await expectAccessible(page, 'a school’s setup for the bureau at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
