// The hazard ledger in a real browser: report with a photo (on a phone), assign, rectify with
// evidence, verify, close — every step signed with the password — then the timeline, the rule
// that a rectifier cannot verify their own work, the board, supervision orders and the bell.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DESKTOP,
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  launchBrowser,
  login,
  newPage,
  png,
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
let tmp
let photo
let evidence

// ---- Page helpers ----

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

async function stateIs(page, label) {
  await page.waitForFunction(
    ([sel, text]) => document.querySelector(sel)?.textContent?.trim() === text,
    [byTest('hazard-state'), label],
  )
}

/** Opens an action's dialog, lets `fill` fill it, signs with the password and waits for the new state. */
async function step(page, action, password, newState, fill = async () => {}) {
  await page.click(byTest('action-' + action))
  await page.waitForSelector(`${byTest('field-password')}:visible`)
  await expectAccessible(page, `the ${action} dialog`)
  await fill()
  await page.fill(byTest('field-password'), password)
  await page.click(byTest('confirm'))
  await stateIs(page, newState)
  await page.waitForSelector(byTest('field-password'), { state: 'detached' })
}

async function actionsOf(page) {
  return page.$$eval(`${byTest('actions')} [data-test^="action-"]`, (els) => els.map((e) => e.getAttribute('data-test').slice(7)))
}

/** Numbers of the hazard board (GET /api/v1/boards/hazards). */
async function boardNumbers(api) {
  const r = await api('/api/v1/boards/hazards')
  assert.equal(r.status, 200, await r.clone().text())
  return r.json()
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 4000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

const TITLE = '学生食堂灭火器压力不足（端到端）'
let hazardId
let boardBefore

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-photos-'))
  photo = join(tmp, 'scene.png')
  evidence = join(tmp, 'fixed.png')
  writeFileSync(photo, png([200, 40, 40]))
  writeFileSync(evidence, png([40, 160, 60]))
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('hazard ledger', () => {
  it('reports a fire hazard at the canteen with a photo, on a phone', async () => {
    boardBefore = await boardNumbers(await apiSession(server, 'school1_leader'))
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards/new`)
    await page.waitForSelector(byTest('hazard-report'))
    // The school is the user's own and fixed.
    assert.equal(await page.inputValue(byTest('field-school_id')), '示范区双桥小学')
    assert.ok(await page.$(`${byTest('field-school_id')}[disabled]`))
    // The camera input.
    const input = page.locator(byTest('photo-input'))
    assert.equal(await input.getAttribute('accept'), 'image/*')
    assert.equal(await input.getAttribute('capture'), 'environment')

    await choose(page, 'field-key_place_id', '学生食堂')
    await choose(page, 'field-domain', '消防安全')
    await page.fill(byTest('field-title'), TITLE)
    await page.fill(byTest('field-description'), '食堂后厨两具干粉灭火器压力表指针在红区')
    await page.fill(byTest('field-responsible'), '食堂管理员')
    await page.fill(byTest('field-interim_measures'), '已临时调配两具灭火器到后厨')
    await input.setInputFiles(photo)
    await page.waitForSelector(`${byTest('photo-thumb')} img`)
    // A major hazard asks for the five-in-place fields; back to general.
    await page.click(byTest('level-major'))
    await page.waitForSelector(byTest('field-five.measures'))
    await expectAccessible(page, 'the report form of a major hazard at 375 px')
    await page.click(byTest('level-general'))
    await page.waitForSelector(byTest('field-five.measures'), { state: 'detached' })

    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= PHONE.width + 1, `report form is ${width}px wide at 375`)
    await tallScreenshot(page, 'hazard-report-375')
    await expectAccessible(page, 'the report form with a photo at 375 px')

    await page.click(byTest('save'))
    await page.waitForURL(/\/hazards\/\d+$/)
    hazardId = Number(new URL(page.url()).pathname.split('/').pop())
    await stateIs(page, '已上报')
    assert.match(await page.locator(byTest('hazard-info')).innerText(), /学生食堂/)
    assert.equal(await page.locator(`${byTest('hazard-files')} img`).count(), 1)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('lists the new hazard and filters by state', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    await page.click(byTest('search-state'))
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '已上报' }).first().click()
    await page.keyboard.press('Escape')
    await page.click(byTest('search'))
    await page.waitForFunction(
      (title) => [...document.querySelectorAll('[data-test="table"] .el-table__body .el-table__row')].some((r) => r.textContent.includes(title)),
      TITLE,
    )
    const row = await page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: TITLE }).innerText()
    assert.match(row, /已上报/)
    assert.match(row, /消防安全/)
    assert.match(row, /学生食堂/)
    assert.ok(await page.$(byTest('add')), 'school1_safety may report')
    await screenshot(page, 'hazard-list')
    await expectAccessible(page, 'the hazard ledger, filtered')
    // The export holds the filtered ledger: only reported hazards, this one among them.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    const file = join(resultsDir, 'hazard-ledger-export.xlsx')
    await download.saveAs(file)
    const sheet = xlsxText(file)
    assert.match(sheet, /隐患台账|隐患名称/)
    assert.ok(sheet.includes(TITLE), 'the exported ledger holds the new hazard')
    assert.ok(!sheet.includes('已销号'), 'the filter (已上报) holds in the export')
    // Row click opens the detail.
    await page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: TITLE }).locator('td').nth(3).click()
    await page.waitForURL(new RegExp(`/hazards/${hazardId}$`))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('assigns it to the teacher with a signature (a wrong password is refused at the field)', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards/${hazardId}`)
    await stateIs(page, '已上报')
    assert.deepEqual(await actionsOf(page), ['assign'])

    await page.click(byTest('action-assign'))
    // The owner is chosen from the school's staff: typing the account finds the person.
    await page.click(byTest('field-owner'))
    await page.keyboard.type('school1_teacher')
    const option = page.locator(`${byTest('field-owner-option')}:visible`)
    // The staff are searched as the account is typed: wait for the answer before counting.
    await option.first().waitFor()
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null).length === 1,
      byTest('field-owner-option'),
    )
    assert.equal(await option.count(), 1, 'one person matches the account')
    assert.match(await option.innerText(), /（.+）/, 'the person is shown with their roles')
    await option.click()
    assert.match(await page.inputValue(`${byTest('field-deadline')} input`), /^\d{4}-\d{2}-\d{2}$/)
    await page.fill(byTest('field-password'), 'Not-the-password-1')
    await page.click(byTest('confirm'))
    const fieldError = page.locator('.el-form-item', { has: page.locator(byTest('field-password')) }).locator('.el-form-item__error')
    await fieldError.waitFor()
    assert.match(await fieldError.innerText(), /密码不正确/)
    await expectAccessible(page, 'the assign dialog with a refused password')
    await page.fill(byTest('field-password'), server.accounts.school1_safety)
    await page.click(byTest('confirm'))
    await stateIs(page, '已交办')
    assert.match(await page.locator(byTest('hazard-info')).innerText(), /school1_teacher/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the teacher is notified, starts rectifying and submits with an evidence photo', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'school1_teacher')
    // The bell counts the assignment and leads to the hazard.
    await page.waitForSelector(byTest('bell-count'))
    assert.ok(Number(await page.locator(byTest('bell-count')).innerText()) >= 1)
    await page.click(byTest('bell'))
    await page.locator(byTest('bell-item'), { hasText: TITLE }).first().waitFor()
    await expectAccessible(page, 'the notifications')
    await page.locator(byTest('bell-item'), { hasText: TITLE }).first().click()
    await page.waitForURL(new RegExp(`/hazards/${hazardId}$`))
    await stateIs(page, '已交办')

    const password = server.accounts.school1_teacher
    await step(page, 'start_rectifying', password, '整改中')
    // Submitting needs evidence: refused on the client without it.
    await page.click(byTest('action-submit'))
    await page.fill(byTest('field-password'), password)
    await page.click(byTest('confirm'))
    const evidenceError = page.locator('.el-form-item', { has: page.locator(byTest('evidence-input')) }).locator('.el-form-item__error')
    await evidenceError.waitFor()
    await expectAccessible(page, 'the submit dialog without evidence')
    await page.locator(byTest('evidence-input')).setInputFiles(evidence)
    await page.waitForSelector(`${byTest('action-dialog')} ${byTest('photo-thumb')} img`)
    await expectAccessible(page, 'the submit dialog with evidence')
    await page.fill(byTest('field-note'), '已更换两具新灭火器并张贴检查卡')
    await page.fill(byTest('field-password'), password)
    await page.click(byTest('confirm'))
    await stateIs(page, '待验收')
    // Their own work: no verification buttons.
    const actions = await actionsOf(page)
    assert.ok(!actions.includes('approve') && !actions.includes('reject'), actions.join())
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the safety officer approves the teacher’s work', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards/${hazardId}`)
    await stateIs(page, '待验收')
    const actions = await actionsOf(page)
    assert.ok(actions.includes('approve') && actions.includes('reject'), actions.join())
    await step(page, 'approve', server.accounts.school1_safety, '已验收', () => page.fill(byTest('field-note'), '现场复核，灭火器压力正常'))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the school leader closes it: 已销号, with the whole signed timeline', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'school1_leader')
    await page.goto(`${server.url}/hazards/${hazardId}`)
    await stateIs(page, '已验收')
    // The close dialog shows what is being signed for before the password: the rectification,
    // its photo, and the check's conclusion.
    await step(page, 'close', server.accounts.school1_leader, '已销号', async () => {
      const signed = page.locator(`${byTest('action-dialog')} ${byTest('close-evidence')}`)
      assert.equal(await signed.locator(byTest('evidence-summary')).innerText(), '已更换两具新灭火器并张贴检查卡')
      assert.equal(await signed.locator(byTest('evidence-photo')).count(), 1)
      await signed.locator(`${byTest('evidence-photo')} img`).waitFor()
      assert.equal(await signed.locator(byTest('evidence-conclusion')).innerText(), '现场复核，灭火器压力正常')
      assert.match(await signed.innerText(), /school1_teacher/)
      assert.match(await signed.innerText(), /school1_safety/)
      await screenshot(page, 'hazard-close-dialog')
    })
    assert.deepEqual(await actionsOf(page), [], 'nothing left for the school (reopening is the bureau’s)')

    const items = await page.locator(`${byTest('timeline')} ${byTest('timeline-item')}`).allInnerTexts()
    const steps = items.map((x) => x.split('\n').find((l) => /上报隐患|交办整改|开始整改|提交验收|验收通过|销号/.test(l)))
    assert.equal(items.length, 6, items.join('\n---\n'))
    assert.match(items[0], /上报隐患/)
    assert.match(items[1], /交办整改/)
    assert.match(items[2], /开始整改/)
    assert.match(items[3], /提交验收/)
    assert.match(items[4], /验收通过/)
    assert.match(items[5], /销号/)
    assert.ok(steps.every(Boolean), steps.join())
    const signatures = await page.locator(byTest('event-signature')).allInnerTexts()
    assert.equal(signatures.length, 5, signatures.join('\n'))
    assert.match(signatures[0], /school1_safety 签字（密码）/)
    assert.match(signatures[2], /school1_teacher 签字（密码）/)
    assert.match(signatures[4], /school1_leader 签字（密码）/)
    // The report photo and the evidence photo appear on their steps.
    assert.equal(await page.locator(`${byTest('timeline')} ${byTest('event-file')}`).count(), 2)
    await tallScreenshot(page, 'hazard-detail')
    await expectAccessible(page, 'a closed hazard with its timeline')
    // A photo opens large by keyboard too; Escape closes it and the focus is back on the photo.
    await page.locator(`${byTest('hazard-files')} ${byTest('hazard-file')}`).first().focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('.el-image-viewer__wrapper')
    await expectAccessible(page, 'a photo, large')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.el-image-viewer__wrapper', { state: 'detached' })
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-test')), 'hazard-file')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a rectifier who may verify still cannot verify their own work', async () => {
    // A second hazard, rectified by the safety officer (who holds hazard:verify).
    const api = await apiSession(server, 'school1_safety')
    const password = server.accounts.school1_safety
    const upload = await api('/api/v1/files?name=fix.png', { method: 'POST', body: png([10, 10, 200]) })
    assert.equal(upload.status, 201, await upload.clone().text())
    const file = await upload.json()
    const created = await (
      await api('/api/v1/hazards', {
        method: 'POST',
        body: JSON.stringify({ school_id: 21, domain: 'electrical', level: 'general', title: '配电房门锁损坏（端到端）', source: 'self_inspection' }),
      })
    ).json()
    const go = async (body) => {
      const r = await api(`/api/v1/hazards/${created.id}/transitions`, { method: 'POST', body: JSON.stringify({ ...body, password }) })
      assert.equal(r.status, 200, await r.text())
    }
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await go({ action: 'assign', owner: 'school1_safety', deadline: today })
    await go({ action: 'start_rectifying' })
    await go({ action: 'submit', file_ids: [file.id] })

    const own = await newPage(browser)
    await login(own.page, server, 'school1_safety')
    await own.page.goto(`${server.url}/hazards/${created.id}`)
    await stateIs(own.page, '待验收')
    assert.deepEqual(await actionsOf(own.page), [])
    await own.context.close()

    const leader = await newPage(browser)
    await login(leader.page, server, 'school1_leader')
    await leader.page.goto(`${server.url}/hazards/${created.id}`)
    await stateIs(leader.page, '待验收')
    assert.deepEqual((await actionsOf(leader.page)).sort(), ['approve', 'reject'])
    await leader.context.close()
  })

  it('the board counts the closed hazard', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'school1_leader')
    await page.goto(`${server.url}/hazards/board`)
    const value = async (card) => Number((await page.locator(`${byTest(card)} ${byTest('card-value')}`).innerText()).trim())
    await page.waitForSelector(byTest('board-closed-month'))
    assert.equal(await value('board-closed-month'), boardBefore.closed_this_month + 1)
    // The second hazard is still open.
    assert.equal(await value('board-open'), boardBefore.open_total + 1)
    await page.waitForSelector(`${byTest('chart-trend')} canvas`)
    assert.match(await page.locator(byTest('board-schools')).innerText(), /示范区双桥小学/)
    await screenshot(page, 'hazard-board')
    await expectAccessible(page, 'the hazard board of a school')
    // The home board shows the same open count and links to the ledger with that filter.
    await page.goto(`${server.url}/home`)
    const open = page.locator(`${byTest('home-hazard-open')} ${byTest('hazard-value')}`)
    await open.waitFor()
    assert.equal(Number(await open.innerText()), boardBefore.open_total + 1)
    await page.click(byTest('home-hazard-open'))
    await page.waitForURL(/\/hazards\?state=/)
    await page.waitForSelector(`${byTest('table')} .el-table__body .el-table__row`)
    assert.equal(await page.locator(`${byTest('table')} .el-table__body .el-table__row`).count(), boardBefore.open_total + 1)
    await expectAccessible(page, 'the ledger from the home board')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a major hazard is supervised: the school replies, the bureau closes the order', async () => {
    const api = await apiSession(server, 'school1_safety')
    const r = await api('/api/v1/hazards', {
      method: 'POST',
      body: JSON.stringify({ school_id: 21, key_place_id: 55, domain: 'gas', level: 'major', title: '食堂燃气管道锈蚀（端到端）', source: 'self_inspection' }),
    })
    assert.equal(r.status, 201, await r.clone().text())

    const school = await newPage(browser)
    await login(school.page, server, 'school1_safety')
    await school.page.goto(`${server.url}/hazards/supervision`)
    const row = school.page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: '食堂燃气管道锈蚀' })
    await row.waitFor()
    assert.match(await row.innerText(), /待回复/)
    await expectAccessible(school.page, 'supervision orders of a school')
    await school.page.click(byTest('row-reply'))
    await school.page.waitForSelector(`${byTest('field-reply')}:visible`)
    await expectAccessible(school.page, 'the reply dialog')
    await school.page.fill(byTest('field-reply'), '已关闭燃气总阀，联系燃气公司本周更换管道')
    await school.page.click(`${byTest('reply-dialog')} ${byTest('save')}`)
    await school.page.waitForSelector('.el-message--success')
    await school.page.waitForFunction(() =>
      /已回复/.test(document.querySelector('[data-test="table"] .el-table__body')?.textContent ?? ''),
    )
    assert.equal(await school.page.$(byTest('row-close')), null, 'a school does not close orders')
    await school.context.close()

    const bureau = await newPage(browser)
    await login(bureau.page, server, 'safety_office')
    await bureau.page.goto(`${server.url}/hazards/supervision`)
    await bureau.page.waitForSelector(byTest('row-close'))
    await screenshot(bureau.page, 'supervision-orders')
    await expectAccessible(bureau.page, 'supervision orders of the bureau')
    await bureau.page.click(byTest('row-close'))
    await bureau.page.waitForSelector('.el-message-box__btns .el-button--primary')
    await expectAccessible(bureau.page, 'closing an order: the confirmation')
    await bureau.page.click('.el-message-box__btns .el-button--primary')
    await bureau.page.waitForSelector('.el-message--success')
    await bureau.page.waitForFunction(() =>
      /已办结/.test(document.querySelector('[data-test="table"] .el-table__body')?.textContent ?? ''),
    )
    assert.deepEqual(bureau.errors, [])
    await bureau.context.close()
  })

  it('a school’s page lists its hazards, open first, and opens one', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'safety_office')
    const api = await apiSession(server, 'safety_office')
    const schools = await (await api('/api/v1/schools?page_size=100')).json()
    const school = schools.items.find((s) => s.name === '示范区双桥小学')
    await page.goto(`${server.url}/system/schools/${school.id}`)
    const links = page.locator(`${byTest('school-hazards')} ${byTest('school-hazard-link')}`)
    await links.first().waitFor()
    const rows = await page.locator(`${byTest('school-hazard-table')} .el-table__row`).allInnerTexts()
    assert.ok(rows.length > 0 && rows.length <= 10, rows.join('\n'))
    // Open ones (any state but 已销号) come before the closed ones.
    const closedAt = rows.findIndex((r) => r.includes('已销号'))
    if (closedAt >= 0) assert.ok(rows.slice(closedAt).every((r) => r.includes('已销号')), rows.join('\n'))
    if (rows.length < 10) assert.ok(rows.some((r) => r.includes(TITLE)), 'the closed end-to-end hazard is listed: ' + rows.join('\n'))
    await expectAccessible(page, 'a school with its hazards')
    const title = (await links.first().innerText()).trim()
    await links.first().click()
    await page.waitForURL(/\/hazards\/\d+$/)
    await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent?.trim() === text, [byTest('hazard-title'), title])
    // The link to the whole ledger filters it to the school.
    await page.goto(`${server.url}/system/schools/${school.id}`)
    await page.click(byTest('school-hazards-all'))
    await page.waitForURL(new RegExp(`/hazards\\?school_id=${school.id}$`))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a reader without hazard:report sees the ledger but no report button', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'section_basic')
    await page.goto(`${server.url}/hazards`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    assert.equal(await page.$(byTest('add')), null)
    await page.goto(`${server.url}/hazards/new`)
    await page.waitForSelector(byTest('forbidden'))
    await context.close()
  })

  it('the bureau sets a shorter deadline for food hazards; a school sees the rules read-only', async () => {
    const bureau = await newPage(browser)
    await login(bureau.page, server, 'safety_office')
    await bureau.page.goto(`${server.url}/hazards/rules`)
    const food = `${byTest('domain-food-general')} input`
    await bureau.page.waitForSelector(food)
    assert.equal(await bureau.page.inputValue(food), '', 'no override for food yet')
    assert.equal(await bureau.page.inputValue(`${byTest('field-general_days')} input`), '7')
    assert.equal(await bureau.page.$(byTest('read-only')), null)
    await bureau.page.fill(food, '3')
    await bureau.page.press(food, 'Tab')
    await bureau.page.click(byTest('save'))
    await bureau.page.waitForSelector('.el-message--success')
    assert.equal(await bureau.page.inputValue(food), '3')
    await tallScreenshot(bureau.page, 'hazard-rules')
    await expectAccessible(bureau.page, 'the hazard rules')
    assert.deepEqual(bureau.errors, [])
    await bureau.context.close()

    const api = await apiSession(server, 'safety_office')
    const r = await api('/api/v1/hazard-rules')
    assert.equal(r.status, 200, await r.clone().text())
    const rules = await r.json()
    assert.equal(rules.deadlines.general_by_domain.food, 3)
    assert.equal(rules.deadlines.general_days, 7)

    const school = await newPage(browser)
    await login(school.page, server, 'school1_safety')
    await school.page.goto(`${server.url}/hazards/rules`)
    await school.page.waitForSelector(byTest('read-only'))
    await school.page.waitForFunction(
      (sel) => document.querySelector(sel)?.value === '3',
      `${byTest('domain-food-general')} input`,
    )
    assert.equal(await school.page.$(byTest('save')), null)
    assert.ok(await school.page.$(`${byTest('domain-food-general')} input[disabled]`), 'the inputs are disabled')
    await expectAccessible(school.page, 'the hazard rules, read-only')
    assert.deepEqual(school.errors, [])
    await school.context.close()
  })
  it('imports an existing ledger: the bad row is named, then the good rows are written', async () => {
    const columns = ['序号', '学校', '隐患部位', '隐患类别', '隐患等级', '隐患名称', '隐患描述', '发现时间', '发现人',
      '隐患来源', '责任人', '整改责任人', '整改期限', '临时管控措施', '整改措施', '整改资金', '应急预案', '当前状态',
      '是否督办', '退回次数', '销号时间', '照片及附件']
    const row = (cells) => cells.join(',')
    const empty = (n) => Array(n).fill('')
    const csv = [
      row(columns),
      row(['1', '示范区双桥小学', '操场', '其他', '一般隐患', '篮球架螺丝松动（导入）', '', '2026-10-20', '', '学校自查', '体育组', '', '', '', '', '', '', '已销号', '否', '0', '2026-10-22', '']),
      row(['2', '示范区双桥小学', '', '用电安全', '一般隐患', '教室插座松动（导入）', '', '2026-11-02', '', '学校自查', '', ...empty(11)]),
      row(['3', '示范区双桥小学', '', '天灾', '一般隐患', '坏行', '', '2026-11-02', '', '', '', ...empty(11)]),
    ].join('\n')
    const file = join(tmp, 'ledger.csv')
    writeFileSync(file, csv)
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards`)
    await page.click(byTest('import'))
    const dialog = page.locator(byTest('import-dialog')).first()
    await dialog.waitFor()
    await dialog.locator('input[type=file]').setInputFiles(file)
    await page.click(byTest('import-start'))
    await page.waitForSelector(byTest('import-summary'))
    const bad = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.equal(bad.length, 1, bad.join('|'))
    assert.match(bad[0], /4\s+隐患类别/)
    await expectAccessible(page, 'the ledger import with a refused row')
    await dialog.locator('.el-checkbox', { hasText: '仅导入正确的行' }).click()
    await page.click(byTest('import-start'))
    await page.waitForFunction(() =>
      /新增 2 条/.test(document.querySelector('[data-test="import-summary"]')?.textContent ?? ''),
    )
    assert.deepEqual(errors, [])
    await context.close()
    const api = await apiSession(server, 'school1_safety')
    const found = await (await api('/api/v1/hazards?q=' + encodeURIComponent('（导入）'))).json()
    assert.equal(found.total, 2)
  })
})
