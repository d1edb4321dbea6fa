// The console in a real browser: login, menus and data by role, scope, profile, screenshots.
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
  fixtures,
  newPage,
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('login', () => {
  it('refuses a wrong password in plain Chinese and shows the login page on a phone', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await page.goto(`${server.url}/system/schools`)
    await page.waitForURL(/\/login\?redirect=/)
    await screenshot(page, 'login-375')
    await expectAccessible(page, 'login at 375 px')
    await page.fill(byTest('login-username'), 'school1_teacher')
    await page.fill(byTest('login-password'), 'Wrong-password-1')
    await page.click(byTest('login-submit'))
    const alert = await page.waitForSelector(byTest('login-error'))
    assert.match(await alert.innerText(), /用户名或密码错误/)
    await expectAccessible(page, 'login refused at 375 px')
    await context.close()
  })

  it('goes back to the page asked for after login', async () => {
    const { page, context } = await newPage(browser)
    await page.goto(`${server.url}/login`)
    await screenshot(page, 'login-desktop')
    await expectAccessible(page, 'login')
    await page.goto(`${server.url}/system/departments`)
    await page.waitForURL(/redirect=/)
    await page.fill(byTest('login-username'), 'safety_office')
    await page.fill(byTest('login-password'), server.accounts.safety_office)
    await page.click(byTest('login-submit'))
    await page.waitForURL(/\/system\/departments$/)
    await context.close()
  })
})

describe('menus and data by role', () => {
  it('bureau safety office: schools of the whole district on the home board', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'safety_office')
    const menu = await menuItems(page)
    assert.ok(menu.includes('schools'), menu.join())
    assert.ok(menu.includes('departments'), menu.join())
    assert.ok(!menu.includes('audit'), menu.join())
    assert.ok(!menu.includes('users'), menu.join())
    const total = await page.locator(`${byTest('card-total')} ${byTest('card-value')}`).innerText()
    assert.equal(total.trim(), '40')
    assert.match(await page.locator(byTest('who-unit')).innerText(), /示范区教育局/)
    await page.waitForSelector(`${byTest('chart-stage')} canvas`)
    await screenshot(page, 'home-bureau-desktop')
    await expectAccessible(page, 'home of the bureau')
    // A page outside the menu is refused.
    await page.goto(`${server.url}/system/audit`)
    await page.waitForSelector(byTest('forbidden'))
    await expectAccessible(page, 'the 403 page')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('school safety officer: own school only, and another school is not found', async () => {
    const bureau = await apiSession(server, 'safety_office')
    const all = await (await bureau('/api/v1/schools?page_size=100')).json()
    const other = all.items.find((s) => s.name !== '示范区双桥小学')
    assert.ok(other, 'demo has more than one school')

    const { page, context } = await newPage(browser)
    await login(page, server, 'school1_safety')
    const menu = await menuItems(page)
    assert.ok(menu.includes('schools'), menu.join())
    assert.ok(!menu.includes('users') && !menu.includes('audit') && !menu.includes('roles'), menu.join())
    // One school's numbers and charts say nothing: they are the bureau's.
    await page.waitForSelector(byTest('my-tasks'))
    await page.waitForLoadState('networkidle')
    assert.match(await page.locator(byTest('home-scope')).innerText(), /示范区双桥小学/)
    assert.equal(await page.$(byTest('card-total')), null)
    assert.equal(await page.$(byTest('chart-stage')), null)
    await screenshot(page, 'home-school-desktop')
    await expectAccessible(page, 'home of a school')

    await page.goto(`${server.url}/system/schools/${other.id}`)
    await page.waitForSelector(byTest('not-found'))
    await screenshot(page, 'school-other-not-found')
    await expectAccessible(page, 'a school out of scope')
    await context.close()
  })

  it('audit administrator: the audit log and nothing of the schools', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'auditor')
    const menu = await menuItems(page)
    assert.ok(menu.includes('audit'), menu.join())
    assert.ok(!menu.includes('schools') && !menu.includes('users'), menu.join())
    await page.goto(`${server.url}/system/schools`)
    await page.waitForSelector(byTest('forbidden'))
    await context.close()
  })
})

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

describe('schools', () => {
  it('creates a school as the bureau safety office', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/system/schools`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    await page.click(byTest('add'))
    await page.waitForSelector(byTest('school-dialog'))
    await page.fill(byTest('field-code'), '9901029001')
    await page.fill(byTest('field-name'), '示范区端到端测试小学')
    await choose(page, 'field-stage', '小学')
    await choose(page, 'field-ownership', '公办')
    await choose(page, 'field-location_type', '乡村')
    await page.fill(`${byTest('field-students')} input`, '480')
    await page.fill(`${byTest('field-staff')} input`, '36')
    await page.fill(byTest('field-principal'), '测试校长')
    await screenshot(page, 'school-create-dialog')
    await expectAccessible(page, 'the new-school dialog')
    await page.click(byTest('save'))
    await page.waitForSelector('.el-message--success')
    await page.fill(byTest('search-q'), '端到端测试')
    await page.click(byTest('search'))
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="table"] .el-table__row').length === 1,
    )
    const row = await page.locator(`${byTest('table')} .el-table__row`).first().innerText()
    assert.match(row, /示范区端到端测试小学/)
    // The detail page of the new school.
    await page.click(byTest('row-link'))
    await page.waitForSelector(byTest('school-detail'))
    // The title fills in once the school has loaded.
    await page.waitForFunction(
      () => document.querySelector('[data-test="school-title"]')?.textContent?.trim().length > 0,
    )
    assert.match(await page.locator(byTest('school-title')).innerText(), /示范区端到端测试小学/)
    await screenshot(page, 'school-detail')
    await expectAccessible(page, 'the school detail')
    await context.close()
  })

  it('imports the fixture: names the bad row, then writes the good rows', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/system/schools`)
    await page.click(byTest('import'))
    const dialog = page.locator(`.el-dialog${byTest('import-dialog')}, ${byTest('import-dialog')}`).first()
    await dialog.waitFor()
    await dialog.locator('input[type=file]').setInputFiles(join(fixtures, 'schools.csv'))
    await page.click(byTest('import-start'))
    const summary = await page.waitForSelector(byTest('import-summary'))
    assert.match(await summary.innerText(), /未写入任何数据/)
    const errors = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.equal(errors.length, 1, errors.join('|'))
    assert.match(errors[0], /4\s+学段/)
    await screenshot(page, 'school-import-errors')
    await expectAccessible(page, 'the import dialog with a refused row')
    // Partial mode writes the two valid rows.
    await dialog.locator('.el-checkbox', { hasText: '仅导入正确的行' }).click()
    await page.click(byTest('import-start'))
    await page.waitForFunction(() =>
      /新增 2 条/.test(document.querySelector('[data-test="import-summary"]')?.textContent ?? ''),
    )
    await context.close()
    const bureau = await apiSession(server, 'safety_office')
    const found = await (await bureau('/api/v1/schools?q=' + encodeURIComponent('示范区导入'))).json()
    assert.equal(found.total, 2)
  })

  it('exports the list and the file opens with the schools in it', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/system/schools`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    const file = join(resultsDir, 'schools-export.xlsx')
    await download.saveAs(file)
    const text = xlsxText(file)
    assert.match(text, /示范区双桥小学/)
    assert.match(text, /示范区端到端测试小学/)
    await context.close()
  })

  it('a school user sees only the own school in the list, also on a phone', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/system/schools`)
    // On a phone the list is one card per school.
    await page.waitForSelector(byTest('card'))
    const rows = await page.locator(byTest('card')).allInnerTexts()
    assert.equal(rows.length, 1, rows.join('|'))
    assert.match(rows[0], /示范区双桥小学/)
    await screenshot(page, 'schools-school-user-375')
    await expectAccessible(page, 'schools of a school user at 375 px')
    await context.close()
  })
})

describe('audit log', () => {
  it('verifies the chain and exports the log as a spreadsheet that opens', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'auditor')
    await page.goto(`${server.url}/system/audit`)
    await page.fill(byTest('search-actor'), 'safety_office')
    await page.click(byTest('search'))
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    const actors = await page.$$eval(`${byTest('table')} .el-table__row`, (rows) => rows.length)
    assert.ok(actors > 0, 'the safety office logged in earlier, so the log has its records')
    await page.click(byTest('verify'))
    const result = await page.waitForSelector(byTest('verify-result'))
    assert.match(await result.innerText(), /完整|未被篡改|通过/)
    await screenshot(page, 'audit-verified')
    await expectAccessible(page, 'the audit log, verified')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    const file = join(resultsDir, 'audit-export.xlsx')
    await download.saveAs(file)
    assert.match(xlsxText(file), /safety_office/)
    await context.close()
  })
})

describe('audit log in Chinese', () => {
  /** The audit list's action texts and whether each is a code without a name. */
  const actionCells = (page, within) =>
    page.$$eval(`${within} [data-test="action"]`, (els) => els.map((e) => ({ text: e.textContent.trim(), unknown: e.classList.contains('code-unknown') })))

  it('names actions and object types, has no hash column, and shows the hash only in 详情', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'auditor')
    await page.goto(`${server.url}/system/audit`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    const titles = (await page.$$eval(`${byTest('table')} .el-table__header th`, (ths) => ths.map((th) => th.textContent.trim()))).filter(Boolean)
    assert.ok(titles.includes('操作类型'), titles.join())
    assert.ok(!titles.some((x) => /哈希|hash/i.test(x)), titles.join())
    assert.equal(new Set(titles).size, titles.length, 'no two columns with one title: ' + titles.join())
    const cells = await actionCells(page, byTest('table'))
    assert.ok(cells.length > 0)
    assert.deepEqual(cells.filter((c) => c.unknown || /^[a-z_]+\.[a-z_.]+$/.test(c.text)), [], 'every action has a Chinese name')
    assert.ok(cells.some((c) => c.text === '登录'), cells.map((c) => c.text).join())
    const objects = await page.$$eval(`${byTest('table')} [data-test="object-type"]`, (els) => els.map((e) => e.textContent.trim()))
    assert.ok(objects.every((x) => !/^[a-z_]+$/.test(x)), objects.join())
    const table = await page.locator(byTest('table')).innerText()
    assert.doesNotMatch(table, /[0-9a-f]{64}/, 'no hash in the list')
    await page.locator(byTest('row-detail')).first().click()
    const hash = await page.locator(byTest('audit-hash')).innerText()
    assert.match(hash.trim(), /^[0-9a-f]{64}$/)
    assert.doesNotMatch(await page.locator(byTest('audit-action')).innerText(), /^[a-z_]+\.[a-z_.]+$/)
    await screenshot(page, 'audit-detail')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('shows the records as cards on a phone', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'auditor')
    await page.goto(`${server.url}/system/audit`)
    await page.waitForSelector(byTest('card'))
    assert.equal(await page.locator(`${byTest('table')}:visible`).count(), 0, 'no table on a phone')
    const cells = await actionCells(page, byTest('cards'))
    assert.ok(cells.length > 0)
    assert.deepEqual(cells.filter((c) => c.unknown), [])
    assert.doesNotMatch(await page.locator(byTest('cards')).innerText(), /[0-9a-f]{64}/)
    await expectNoSidewaysScroll(page, 'the audit log at 375 px')
    await screenshot(page, 'audit-375')
    await expectAccessible(page, 'the audit log at 375 px')
    await page.locator(`${byTest('card')} ${byTest('row-detail')}`).first().click()
    assert.match((await page.locator(byTest('audit-hash')).innerText()).trim(), /^[0-9a-f]{64}$/)
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('a class teacher’s sidebar', () => {
  it('has 上报隐患 and 我的隐患, and no rules, organisation tree or bureau boards', async () => {
    const { page, context, errors } = await newPage(browser)
    await login(page, server, 'school1_teacher')
    const menu = await menuItems(page)
    assert.ok(menu.includes('hazards') && menu.includes('hazard-new'), menu.join())
    for (const item of ['hazard-rules', 'rules', 'org', 'hazard-board', 'hazard-supervision', 'users', 'audit']) {
      assert.ok(!menu.includes(item), `${item} in ${menu.join()}`)
    }
    assert.match(await page.locator(byTest('menu-hazards')).innerText(), /我的隐患/)
    const side = await page.locator(byTest('side-menu')).innerText()
    assert.doesNotMatch(side, /隐患规则|组织机构|规则/)
    // 我的隐患 opens the ledger with 只看我的 set: the hazards the teacher found, owns or rectified.
    const mine = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/hazards' && new URL(r.url()).searchParams.get('mine') === 'true')
    await page.click(byTest('menu-hazards'))
    await page.waitForURL(/\/hazards\?mine=true$/)
    await mine
    await page.waitForSelector(byTest('table'))
    assert.match((await page.locator(byTest('search-mine')).getAttribute('class')) ?? '', /is-checked/, '只看我的 is ticked')
    assert.equal(await page.$(byTest('forbidden')), null)
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('home on a phone', () => {
  it('shows the board at 375 px', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    await page.waitForSelector(`${byTest('chart-location')} canvas`)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= PHONE.width + 1, `page is ${width}px wide at 375`)
    await screenshot(page, 'home-375')
    await expectAccessible(page, 'home at 375 px')
    await context.close()
  })
})

describe('my account', () => {
  it('changes the password and logs in with the new one', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'school2_teacher')
    await page.goto(`${server.url}/profile?tab=password`)
    const fresh = 'Anquan#2026-new'
    await page.fill(byTest('old-password'), server.accounts.school2_teacher)
    await page.fill(byTest('new-password'), fresh)
    await page.fill(byTest('confirm-password'), fresh)
    await page.click(byTest('password-submit'))
    await page.waitForSelector('.el-message--success')
    await screenshot(page, 'profile-password')
    await expectAccessible(page, 'the password changed')
    await context.close()

    const second = await newPage(browser)
    await login(second.page, server, 'school2_teacher', fresh)
    await second.context.close()
    server.accounts.school2_teacher = fresh
  })

  it('ends another session, which then has to log in again', async () => {
    const a = await newPage(browser)
    const b = await newPage(browser)
    await login(a.page, server, 'school1_teacher')
    await login(b.page, server, 'school1_teacher')
    await a.page.goto(`${server.url}/profile?tab=sessions`)
    await a.page.waitForSelector(byTest('end-session'))
    await screenshot(a.page, 'profile-sessions')
    await expectAccessible(a.page, 'my sessions')
    await a.page.click(byTest('end-session'))
    await a.page.waitForSelector('.el-message-box__btns .el-button--primary')
    await expectAccessible(a.page, 'ending a session: the confirmation')
    await a.page.click('.el-message-box__btns .el-button--primary')
    await a.page.waitForSelector('.el-message--success')
    // The ended session is sent back to the login page on its next request.
    await b.page.click(byTest('user-menu'))
    await b.page.click(byTest('user-menu-sessions'))
    await b.page.waitForURL(/\/login/)
    await a.context.close()
    await b.context.close()
  })
})

describe('screenshots', () => {
  it('captures the main pages', async () => {
    const shots = [
      ['safety_office', '/system/schools', 'schools', DESKTOP],
      ['safety_office', '/system/schools', 'schools', PHONE],
      ['safety_office', '/system/org', 'org', DESKTOP],
      ['safety_office', '/system/departments', 'departments', DESKTOP],
      ['sysadmin', '/system/users', 'users', DESKTOP],
      ['secadmin', '/system/roles', 'roles', DESKTOP],
      ['secadmin', '/system/policy', 'policy', DESKTOP],
      ['auditor', '/system/audit', 'audit', DESKTOP],
      ['safety_office', '/profile?tab=sessions', 'profile', DESKTOP],
    ]
    const pages = new Map()
    for (const [user, path, name, viewport] of shots) {
      const key = `${user}-${viewport.width}`
      if (!pages.has(key)) {
        const p = await newPage(browser, viewport)
        await login(p.page, server, user)
        pages.set(key, p)
      }
      const { page, errors } = pages.get(key)
      await page.goto(server.url + path)
      await page.waitForSelector('.page-card')
      await screenshot(page, `${name}-${viewport === PHONE ? '375' : 'desktop'}`)
      await expectAccessible(page, `${path} at ${viewport.width} px`)
      assert.deepEqual(errors, [], `${path}: ${errors.join('\n')}`)
    }
    for (const p of pages.values()) await p.context.close()
  })
})
