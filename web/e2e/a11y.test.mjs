// Accessibility (WCAG 2.1 AA, GB/T 37668-2019) in a real browser: the page's language and title
// after switching to English; the sidebar and the phone's menu drawer by keyboard; the whole hazard
// step by keyboard only; and no sideways scrolling at 320 px or at 200 % zoom. axe-core on every
// page runs in a11y-desktop.test.mjs and a11y-phone.test.mjs (a11y-tour.mjs); the other e2e files
// run the same axe check on the pages and dialogs they visit (expectAccessible in harness.mjs).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  DESKTOP,
  NARROW,
  PHONE,
  byTest,
  expectAccessible,
  expectNoSidewaysScroll,
  login,
  newPage,
  screenshot,
} from './harness.mjs'
import {
  KEYBOARD_TITLE,
  browser,
  focusIs,
  focused,
  pressUntil,
  server,
  openInConsole,
  settled,
  structure,
  tourCampaign,
  tourChecklist,
  tourDrill,
  tourWhistle,
  tourHazard,
  tourPatrolPlace,
  tourPatrolPlan,
  tourPatrolRecord,
  tourWork,
  useTourServer,
  keyboardHazard,
} from './a11y-tour.mjs'

useTourServer()

describe('language', () => {
  it('English: <html lang>, the title and the heading follow the switch', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards`)
    await settled(page, byTest('table'))
    await page.click(byTest('language'))
    await page.locator('.el-dropdown-menu__item:visible', { hasText: 'English' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en-US')
    const s = await structure(page)
    assert.equal(s.title, `${s.h1[0]} · Xiaoan`)
    assert.doesNotMatch(s.title, /隐患/)
    await expectAccessible(page, 'the ledger in English')
    await page.click(byTest('language'))
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '简体中文' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    assert.equal((await structure(page)).title, '隐患台账 · 校安')
    await context.close()
  })
})

describe('keyboard only', () => {
  it('logs in, opens the ledger from the sidebar, opens a hazard and signs a step', async () => {
    const { page, context, errors } = await newPage(browser)
    await page.goto(`${server.url}/login`)
    await page.waitForSelector(byTest('login-username'))
    // Log in: Tab to the user name, type, Tab, type, Enter.
    await pressUntil(page, 'Tab', (f) => f.test === 'login-username', 5)
    await page.keyboard.type('school1_safety')
    await page.keyboard.press('Tab')
    assert.equal((await focused(page)).test, 'login-password')
    await page.keyboard.type(server.accounts.school1_safety)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/home$/)
    // The focus starts at the page's heading.
    await focusIs(page, 'page-heading')

    // On a page the browser opens, the first Tab is the skip link; it leads to the heading.
    await page.reload()
    await settled(page, byTest('home-scope'))
    await page.keyboard.press('Tab')
    let f = await focused(page)
    assert.equal(f.test, 'skip-link')
    assert.ok(await page.locator(byTest('skip-link')).isVisible(), 'the skip link shows when focused')
    await page.keyboard.press('Enter')
    await focusIs(page, 'page-heading')

    // Into the sidebar: one Tab stop (the current page, 首页), with a visible ring.
    f = await pressUntil(page, 'Shift+Tab', (x) => x.inMenu)
    assert.equal(f.test, 'menu-home')
    assert.equal(f.role, 'menuitem')
    assert.ok(f.ring, 'the focused menu item has a focus ring')
    // ↓ to the hazard group, ← closes it, → opens it and enters its first item.
    await page.keyboard.press('ArrowDown')
    assert.equal((await focused(page)).test, 'menu-group-hazards')
    await page.keyboard.press('ArrowLeft')
    await page.waitForSelector(`${byTest('menu-group-hazards')}:not(.is-opened)`)
    await page.keyboard.press('ArrowRight')
    await focusIs(page, 'menu-hazards')
    // End and Home wrap around the whole menu; ↑ from the first item is the last one.
    await page.keyboard.press('Home')
    assert.equal((await focused(page)).test, 'menu-home')
    await page.keyboard.press('ArrowUp')
    const last = await focused(page)
    assert.ok(last.inMenu && last.test !== 'menu-home', JSON.stringify(last))
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    assert.equal((await focused(page)).test, 'menu-hazards')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/hazards$/)
    await focusIs(page, 'page-heading')
    assert.equal((await structure(page)).title, '隐患台账 · 校安')
    // Tab leaves the menu in one step: the menu keeps one stop, now the ledger's.
    assert.equal(await page.locator(`${byTest('side-menu')} [role="menuitem"][tabindex="0"]`).count(), 1)
    assert.equal(await page.getAttribute(`${byTest('menu-hazards')}`, 'tabindex'), '0')

    // Tab down the ledger to the new hazard's link and open it.
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    await pressUntil(page, 'Tab', (x) => x.test === 'row-link' && x.text === KEYBOARD_TITLE, 80)
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`/hazards/${keyboardHazard}$`))
    await focusIs(page, 'page-heading')
    await page.waitForSelector(byTest('action-assign'))

    // The step dialog: Enter opens it with the focus inside, Escape closes it and the focus
    // returns to its button.
    f = await pressUntil(page, 'Tab', (x) => x.test === 'action-assign')
    assert.ok(f.ring, 'the focused button has a focus ring')
    await page.keyboard.press('Enter')
    await page.waitForSelector(`${byTest('field-password')}:visible`)
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'))
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('field-password'), { state: 'hidden' })
    await focusIs(page, 'action-assign')

    // Again, and fill it in: the owner, the deadline as proposed, the password; Tab to 确定, Enter.
    await page.keyboard.press('Enter')
    await page.waitForSelector(`${byTest('field-password')}:visible`)
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'))
    // The owner: the first combobox of the dialog, a person found by typing the account, Enter.
    await pressUntil(page, 'Tab', (x) => x.role === 'combobox' && x.inDialog, 20)
    await page.keyboard.type('school1_teacher')
    await page.waitForSelector(`${byTest('field-owner-option')}:visible`)
    await page.keyboard.press('Enter')
    await page.waitForSelector(`${byTest('field-owner-option')}:visible`, { state: 'hidden' })
    // The deadline as proposed: ↓ opens its calendar, Escape closes only the calendar.
    f = await pressUntil(page, 'Tab', (x) => x.role === 'combobox' && x.inDialog, 5)
    const deadline = await page.inputValue(`${byTest('field-deadline')} input`)
    await page.keyboard.press('ArrowDown')
    await page.waitForSelector('.el-picker-panel:visible')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.el-picker-panel', { state: 'hidden' })
    assert.equal(await page.locator(`${byTest('field-password')}:visible`).count(), 1, 'the dialog stays open')
    assert.equal(await page.inputValue(`${byTest('field-deadline')} input`), deadline)
    await pressUntil(page, 'Tab', (x) => x.test === 'field-password', 10)
    await page.keyboard.type(server.accounts.school1_safety)
    f = await pressUntil(page, 'Tab', (x) => x.test === 'confirm', 10)
    assert.ok(f.ring, 'the dialog’s 确定 has a focus ring')
    await expectAccessible(page, 'the step dialog, filled in by keyboard')
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent?.trim() === text,
      [byTest('hazard-state'), '已交办'],
    )
    assert.match(await page.locator(byTest('hazard-info')).innerText(), /school1_teacher/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('on a phone, the menu drawer takes the focus in and gives it back', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await pressUntil(page, 'Shift+Tab', (x) => x.test === 'menu-toggle', 10)
    assert.equal(await page.getAttribute(byTest('menu-toggle'), 'aria-expanded'), 'false')
    await page.keyboard.press('Enter')
    // The focus lands on a menu item (the current page), not on something invisible.
    await focusIs(page, 'menu-home')
    assert.equal(await page.getAttribute(byTest('menu-toggle'), 'aria-expanded'), 'true')
    // Escape closes the drawer and the focus is back on the menu button.
    await page.keyboard.press('Escape')
    await focusIs(page, 'menu-toggle')
    // Open it again, arrow to 督办单, Enter: the drawer closes and the new page's heading has the focus.
    await page.keyboard.press('Enter')
    await focusIs(page, 'menu-home')
    await pressUntil(page, 'ArrowDown', (x) => x.test === 'menu-hazard-supervision', 10)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/hazards\/supervision$/)
    await focusIs(page, 'page-heading')
    assert.equal(await page.locator(byTest('page-heading')).innerText(), '督办单')
    assert.deepEqual(errors, [])
    await context.close()
  })
})

// ---- Reflow: 320 px, and 200 % zoom ----

/**
 * 200 % zoom of a 1440 × 900 window lays the page out in 720 × 450 CSS px at two device pixels
 * each: the same viewport Chromium gives a zoomed page.
 */
const ZOOM_200 = { width: DESKTOP.width / 2, height: DESKTOP.height / 2, scale: 2 }

describe('no sideways scrolling at 320 px and at 200 % zoom', () => {
  for (const [name, viewport] of [
    ['320 px', NARROW],
    ['200 % zoom', ZOOM_200],
  ]) {
    it(`the main pages at ${name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        deviceScaleFactor: viewport.scale ?? 1,
        locale: 'zh-CN',
      })
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${server.url}/login`)
      await page.waitForSelector(byTest('login-username'))
      await expectNoSidewaysScroll(page, `login at ${name}`)
      const stops = [
        ['school1_safety', '/home', byTest('home-scope')],
        ['school1_safety', '/hazards', `${byTest('table')} .el-table__row, ${byTest('card')}`],
        ['school1_safety', '/hazards/new', byTest('hazard-report')],
        ['school1_safety', `/hazards/${tourHazard}`, byTest('hazard-info')],
        ['school1_safety', '/hazards/board', byTest('board-open')],
        ['school1_safety', '/hazards/supervision', `${byTest('table')}, ${byTest('cards')}`],
        ['school1_safety', '/rules', byTest('rule-hazard.overdue')],
        ['school1_safety', '/checklists', byTest('row-link')],
        ['school1_safety', `/checklists/${tourChecklist}`, byTest('checklist-info')],
        ['school1_safety', '/patrols', byTest('row-state')],
        ['school1_safety', `/patrol/place/${tourPatrolPlace}?plan_id=${tourPatrolPlan}`, byTest('patrol-fill')],
        ['school1_safety', `/patrols/records/${tourPatrolRecord}`, byTest('record-info')],
        ['school1_safety', `/campaigns/${tourCampaign}/schools/21`, byTest('due-list')],
        ['school1_safety', '/whistles', byTest('row-link')],
        ['school1_safety', `/whistles/${tourWhistle}`, byTest('whistle-info')],
        ['school1_safety', '/drills', byTest('row-link')],
        ['school1_safety', '/drills/new', byTest('drill-form')],
        ['school1_safety', `/drills/${tourDrill}`, byTest('drill-info')],
        ['school1_safety', '/drills/board', byTest('board-row-drill.monthly')],
        ['school1_safety', '/drills/plans', byTest('add')],
        ['school1_safety', '/calendar?month=2026-10', byTest('day-2026-10-10')],
        ['school1_safety', '/calendar?tab=settings', byTest('exceptions-0-reason')],
        ['school1_safety', '/system/schools', `${byTest('table')} .el-table__row, ${byTest('card')}`],
        ['school1_safety', '/duties/work/mine', byTest(`work-mine-item-${tourWork}`)],
        ['safety_office', '/hazards/board', byTest('board-open')],
        ['safety_office', '/duties/work', `${byTest('work-table')} [data-test^="work-row-"], ${byTest('work-cards')} [data-test^="work-card-"]`],
        ['safety_office', '/drills/board', byTest('board-row-drill.monthly')],
        ['safety_office', '/plan-board?measure=13', `${byTest('measure-findings-13')} ${byTest('finding-open')}`],
        ['safety_office', '/plan/year', byTest('plan-title')],
        ['safety_office', '/checklists/new', byTest('checklist-form')],
        ['safety_office', `/campaigns/${tourCampaign}`, byTest('school-21')],
        ['safety_office', `/campaigns/${tourCampaign}/briefing`, byTest('briefing')],
        ['safety_office', '/calendar?month=2026-10', byTest('day-2026-10-10')],
        ['safety_office', '/system/schools', `${byTest('table')} .el-table__row, ${byTest('card')}`],
        ['sysadmin', '/system/users', `${byTest('table')} .el-table__row, ${byTest('card')}`],
        ['safety_office', '/minors', `${byTest('minors-mine')} :is(${byTest('grant-row')}, ${byTest('minors-mine-empty')})`],
        ['auditor', '/system/audit', `${byTest('table')} .el-table__row, ${byTest('card')}`],
        ['auditor', '/minors', `${byTest('minors-report')} ${byTest('minors-report-count-requested')}`],
      ]
      let user = null
      for (const [who, path, selector] of stops) {
        if (who !== user) {
          await context.clearCookies()
          await login(page, server, who)
          user = who
        }
        await openInConsole(page, path)
        await settled(page, selector)
        await page.waitForTimeout(300)
        await expectNoSidewaysScroll(page, `${who} ${path} at ${name}`)
      }
      await screenshot(page, `a11y-audit-${name.replace(/\W+/g, '')}`)
      await context.close()
    })
  }
})
