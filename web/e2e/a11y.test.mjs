// Accessibility (WCAG 2.1 AA, GB/T 37668-2019) in a real browser: axe-core on every page of the
// console at desk width and on a phone, each page's title, heading and language; the sidebar and
// the phone's menu drawer by keyboard; the whole hazard step by keyboard only; and no sideways
// scrolling at 320 px or at 200 % zoom. The other e2e files run the same axe check on the pages
// and dialogs they visit (expectAccessible in harness.mjs).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  DESKTOP,
  NARROW,
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser
/** A reported hazard of 示范区双桥小学 for the tour, and one for the keyboard-only step. */
let tourHazard
let keyboardHazard
let schoolId
/** A drill of 示范区双桥小学 with a problem, for the tour. */
let tourDrill
/** The shipped 学生宿舍消防安全检查表, for the tour. */
let tourChecklist
/** A patrol plan of 示范区双桥小学's canteen (every day), its place and a patrol of it, for the tour. */
let tourPatrolPlan
let tourPatrolPlace
let tourPatrolRecord
/** A campaign deployed to 示范区双桥小学 (both windows from today), for the tour. */
let tourCampaign

const KEYBOARD_TITLE = '实验室通风橱故障（键盘）'

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const api = await apiSession(server, 'school1_safety')
  const report = async (title) => {
    const r = await api('/api/v1/hazards', {
      method: 'POST',
      body: JSON.stringify({ school_id: 21, domain: 'electrical', level: 'general', title, source: 'self_inspection' }),
    })
    assert.equal(r.status, 201, await r.clone().text())
    return (await r.json()).id
  }
  tourHazard = await report('教学楼楼梯扶手松动（无障碍检查）')
  keyboardHazard = await report(KEYBOARD_TITLE)
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  const drill = await api('/api/v1/drills', {
    method: 'POST',
    body: JSON.stringify({
      school_id: 21,
      kind: 'fire',
      date: today,
      night: false,
      announced: true,
      whole_school: true,
      commander: '黄丽华',
      students: 1120,
      staff: 86,
      signal_time: '10:00:00',
      all_out_time: '10:01:45',
      headcount_ok: true,
      injuries: 0,
      problems: ['综合楼二楼楼梯口堆放杂物（无障碍检查）'],
      actions: '已清理',
    }),
  })
  assert.equal(drill.status, 201, await drill.clone().text())
  tourDrill = (await drill.json()).id
  const bureau = await apiSession(server, 'safety_office')
  const schools = await (await bureau('/api/v1/schools?page_size=1')).json()
  schoolId = schools.items[0].id
  const checklists = await (await api(`/api/v1/checklist-templates?q=${encodeURIComponent('学生宿舍消防安全检查表')}`)).json()
  tourChecklist = checklists.items.find((c) => c.code === 'fire.dormitory')?.id
  assert.ok(tourChecklist, JSON.stringify(checklists))
  // A patrol plan of the canteen and a patrol done today, every item passed.
  const school = await (await api('/api/v1/schools/21')).json()
  tourPatrolPlace = school.key_places.find((p) => p.kind === 'canteen')?.id
  assert.ok(tourPatrolPlace, JSON.stringify(school.key_places))
  const canteen = (await (await api(`/api/v1/checklist-templates?code=fire.canteen`)).json()).items[0]
  const plan = await api('/api/v1/patrol-plans', {
    method: 'POST',
    body: JSON.stringify({
      school_id: 21,
      key_place_id: tourPatrolPlace,
      template_id: canteen.id,
      frequency: 'daily',
      school_days_only: false,
      patroller: '食堂值班员（无障碍检查）',
      starts_on: today,
    }),
  })
  assert.equal(plan.status, 201, await plan.clone().text())
  tourPatrolPlan = (await plan.json()).id
  const { items } = await (await api(`/api/v1/patrol-plans/${tourPatrolPlan}`)).json()
  const patrol = await api('/api/v1/patrol-records', {
    method: 'POST',
    body: JSON.stringify({
      plan_id: tourPatrolPlan,
      note: '',
      answers: items.map((i) => ({
        item_key: i.key,
        value: i.answer === 'number' ? String(i.min ?? i.max ?? 1) : i.answer === 'text' ? '正常' : 'pass',
        note: '',
        file_ids: [],
      })),
    }),
  })
  assert.equal(patrol.status, 201, await patrol.clone().text())
  tourPatrolRecord = (await patrol.json()).id
  const campaign = await bureau('/api/v1/campaigns', {
    method: 'POST',
    body: JSON.stringify({
      name: '冬季消防安全专项检查（无障碍检查）',
      domains: ['fire'],
      template_ids: [canteen.id],
      targets: { school_ids: [21] },
      self_from: today,
      self_to: today,
      inspect_from: today,
      inspect_to: today,
    }),
  })
  assert.equal(campaign.status, 201, await campaign.clone().text())
  tourCampaign = (await campaign.json()).id
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The page's <h1> texts, its <title> and <html lang>. */
async function structure(page) {
  return page.evaluate(() => ({
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
    title: document.title,
    lang: document.documentElement.lang,
  }))
}

/** Waits until a page of the layout has rendered: its heading is set and nothing is loading. */
async function settled(page, selector) {
  await page.waitForFunction(() => document.querySelector('[data-test="page-heading"]')?.textContent.trim())
  if (selector) await page.waitForSelector(selector)
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** Visits each path as the user: axe, one <h1> that names the page, "<page> · 校安" as the title. */
async function tour(viewport, user, stops, titles) {
  const size = viewport === PHONE ? '375' : 'desktop'
  const { page, context, errors } = await newPage(browser, viewport)
  await login(page, server, user)
  for (const [path, selector, extra] of stops) {
    await page.goto(server.url + path)
    await settled(page, selector)
    const label = `${user} ${path} at ${viewport.width} px`
    const s = await structure(page)
    assert.equal(s.h1.length, 1, `${label}: one <h1>, got ${JSON.stringify(s.h1)}`)
    assert.equal(s.title, `${s.h1[0]} · 校安`, `${label}: the title names the page`)
    assert.equal(s.lang, 'zh-CN', label)
    titles.set(path.split('?')[0].replace(/\/\d+$/, '/:id'), s.title)
    await expectAccessible(page, label)
    if (extra) await extra(page, label)
  }
  assert.deepEqual(errors, [], errors.join('\n'))
  await screenshot(page, `a11y-${user}-${size}`)
  await context.close()
}

/** Opens a step dialog of the hazard (the first action offered) and checks it, then Escape. */
async function stepDialog(page, label) {
  const action = page.locator(`${byTest('actions')} [data-test^="action-"]`).first()
  await action.click()
  await page.waitForSelector(`${byTest('field-password')}:visible`)
  await expectAccessible(page, `${label}, step dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('field-password'), { state: 'hidden' })
}

/** The new drill plan dialog: open, checked, Escape closes it. */
async function planDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('plan-dialog')}:visible`)
  await expectAccessible(page, `${label}, new plan dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('plan-dialog'), { state: 'hidden' })
}

/** The new patrol plan dialog: open, checked, Escape closes it. */
async function patrolPlanDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('patrol-plan-dialog')}:visible`)
  await expectAccessible(page, `${label}, new patrol plan dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('patrol-plan-dialog'), { state: 'hidden' })
}

/** The deploy dialog of the campaigns, open and checked, then Escape. */
async function deployDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('campaign-deploy-dialog')}:visible`)
  await expectAccessible(page, `${label}, the deploy dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('campaign-deploy-dialog'), { state: 'hidden' })
}

/** The checklist import dialog (a name field besides the file), open and checked, then Escape. */
async function checklistImport(page, label) {
  await page.click(byTest('import'))
  await page.waitForSelector(`${byTest('import-dialog')}:visible`)
  await expectAccessible(page, `${label}, the checklist import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/** A checklist's 复制为本单位 dialog, open and checked, then Escape. */
async function checklistCopy(page, label) {
  await page.click(byTest('checklist-copy'))
  await page.waitForSelector(`${byTest('copy-dialog')}:visible`)
  await expectAccessible(page, `${label}, the copy dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('copy-dialog'), { state: 'hidden' })
}

/** The bell's panel: open, checked, and Escape closes it with the focus back on the bell. */
async function bell(page, label) {
  await page.click(byTest('bell'))
  await page.waitForSelector(`${byTest('bell-panel')}:visible`)
  await focusIs(page, 'bell-panel')
  await expectAccessible(page, `${label}, notifications open`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(`${byTest('bell-panel')}`, { state: 'hidden' })
  await focusIs(page, 'bell')
}

/** A day of the school calendar: its dialog open, checked, and Escape closes it. */
async function calendarDay(page, label) {
  await page.click(byTest('day-2026-12-01'))
  await page.waitForSelector(`${byTest('day-dialog')} ${byTest('day-duties')}`)
  await expectAccessible(page, `${label}, a day open`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('day-dialog'), { state: 'hidden' })
}

/** The holiday import dialog, open and checked, then Escape. */
async function holidayImport(page, label) {
  await page.click(byTest('holidays-import'))
  await page.waitForSelector(`${byTest('holiday-import-dialog')}:visible`)
  await expectAccessible(page, `${label}, the holiday import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('holiday-import-dialog'), { state: 'hidden' })
}

/** The drill board's 重新判定 confirmation, open and checked, then cancelled. */
async function boardEvaluate(page, label) {
  await page.click(byTest('board-evaluate'))
  await page.waitForSelector(`${byTest('confirm-box')}:visible`)
  await expectAccessible(page, `${label}, the 重新判定 confirmation`)
  await page.click(byTest('confirm-cancel'))
  await page.waitForSelector(byTest('confirm-box'), { state: 'hidden' })
}

/** A drill rule's 编辑参数 dialog, open and checked, then Escape. */
async function ruleParams(page, label) {
  await page.locator(byTest('row-edit-params')).first().click()
  await page.waitForSelector(`${byTest('params-dialog')} ${byTest('param-input-min_count')}`)
  await expectAccessible(page, `${label}, the parameters dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('params-dialog'), { state: 'hidden' })
}

async function profileTabs(page, label) {
  for (const tab of ['totp', 'sessions', 'tokens']) {
    await page.goto(`${server.url}/profile?tab=${tab}`)
    await settled(page)
    await expectAccessible(page, `${label}, tab ${tab}`)
  }
}

async function userMenu(page, label) {
  await page.click(byTest('user-menu'))
  await page.waitForSelector(`${byTest('user-menu-logout')}:visible`)
  await expectAccessible(page, `${label}, user menu open`)
  await page.keyboard.press('Escape')
}

/** On a phone: the menu drawer open; on a desk: the sidebar collapsed to icons. */
async function menuStates(page, label) {
  await page.click(byTest('menu-toggle'))
  if (page.viewportSize().width < 768) {
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('side-menu')}`)
    await expectAccessible(page, `${label}, menu drawer open`)
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('menu-drawer'), { state: 'hidden' })
  } else {
    await page.waitForTimeout(300)
    await expectAccessible(page, `${label}, sidebar collapsed`)
    await page.click(byTest('menu-toggle'))
  }
}

for (const viewport of [DESKTOP, PHONE]) {
  describe(`axe-core on every page at ${viewport.width} px`, () => {
    const titles = new Map()

    it('the login page', async () => {
      const { page, context } = await newPage(browser, viewport)
      await page.goto(`${server.url}/login`)
      await page.waitForSelector(byTest('login-username'))
      const s = await structure(page)
      assert.equal(s.h1.length, 1, JSON.stringify(s.h1))
      assert.equal(s.title, '登录 · 校安')
      await expectAccessible(page, `login at ${viewport.width} px`)
      // A refused login shows its message; still conforming.
      await page.fill(byTest('login-username'), 'school1_teacher')
      await page.fill(byTest('login-password'), 'Wrong-password-1')
      await page.click(byTest('login-submit'))
      await page.waitForSelector(byTest('login-error'))
      await expectAccessible(page, `login error at ${viewport.width} px`)
      await context.close()
    })

    it('a school safety officer’s pages, the step dialog and the bell', async () => {
      await tour(
        viewport,
        'school1_safety',
        [
          ['/home', byTest('home-scope'), menuStates],
          ['/hazards', `${byTest('table')} .el-table__row`, userMenu],
          ['/hazards/new', byTest('hazard-report')],
          [`/hazards/${tourHazard}`, `${byTest('actions')} [data-test^="action-"]`, stepDialog],
          ['/hazards/board', byTest('board-open')],
          ['/hazards/supervision', byTest('table')],
          ['/hazards/rules', byTest('field-general_days')],
          ['/checklists', byTest('row-link')],
          [`/checklists/${tourChecklist}`, byTest('checklist-info')],
          ['/patrols', '[data-test^="slot-"]'],
          ['/patrols/plans', byTest('add'), patrolPlanDialog],
          ['/patrols/records', byTest('row-link')],
          [`/patrols/records/${tourPatrolRecord}`, byTest('record-info')],
          [`/patrol/place/${tourPatrolPlace}?plan_id=${tourPatrolPlan}`, byTest('patrol-fill')],
          ['/patrols/qr?school_id=21', byTest('qr-image')],
          ['/campaigns', byTest(`campaign-${tourCampaign}`)],
          [`/campaigns/${tourCampaign}/schools/21`, byTest('due-list')],
          ['/rules', byTest('rule-hazard.overdue')],
          ['/drills', byTest('row-link')],
          ['/drills/new', byTest('drill-form')],
          [`/drills/${tourDrill}`, byTest('drill-info')],
          [`/drills/${tourDrill}/edit`, byTest('drill-form')],
          ['/drills/board', byTest('board-row-drill.monthly')],
          ['/drills/plans', byTest('add'), planDialog],
          ['/plan/year', byTest('plan-title')],
          ['/calendar?month=2026-12', byTest('day-2026-12-01'), calendarDay],
          ['/calendar?tab=settings', byTest('exceptions-0-reason')],
          ['/system/schools', `${byTest('table')} .el-table__row`, bell],
          ['/profile?tab=password', byTest('old-password'), profileTabs],
        ],
        titles,
      )
    })

    it('the bureau’s pages: board across schools, organisation, departments, a school, refusals', async () => {
      await tour(
        viewport,
        'safety_office',
        [
          ['/home', byTest('home-scope')],
          ['/hazards/board', byTest('board-open')],
          ['/hazards/supervision', byTest('table')],
          ['/checklists', byTest('row-link'), checklistImport],
          [`/checklists/${tourChecklist}`, byTest('checklist-info'), checklistCopy],
          ['/checklists/new', byTest('checklist-form')],
          ['/patrols', '[data-test^="slot-"]'],
          ['/patrols/plans', byTest('qr-all')],
          ['/campaigns', byTest('add'), deployDialog],
          [`/campaigns/${tourCampaign}`, byTest('school-21')],
          ['/drills', byTest('row-link')],
          ['/drills/board', byTest('board-row-drill.monthly'), boardEvaluate],
          ['/plan-board?measure=13', `${byTest('measure-findings-13')} ${byTest('finding-open')}`],
          ['/drills/plans', byTest('add')],
          ['/plan/year', byTest('plan-title')],
          ['/rules?measure=13', byTest('rule-drill.monthly'), ruleParams],
          ['/calendar?month=2026-10', byTest('day-2026-10-10')],
          ['/calendar?tab=settings', byTest('terms-0-starts_on')],
          ['/system/schools', `${byTest('table')} .el-table__row`],
          [`/system/schools/${schoolId}`, byTest('school-detail')],
          ['/system/org', '.page-card'],
          ['/system/departments', byTest('table')],
          ['/system/audit', byTest('forbidden')],
          ['/no/such/page', '.page'],
        ],
        titles,
      )
    })

    it('the administrators’ pages: users, roles, policy, audit log', async () => {
      await tour(
        viewport,
        'sysadmin',
        [
          ['/system/users', `${byTest('table')} .el-table__row`],
          ['/calendar?tab=holidays', byTest('holiday-year-2026'), holidayImport],
        ],
        titles,
      )
      await tour(
        viewport,
        'secadmin',
        [
          ['/system/roles', `${byTest('table')} .el-table__row`],
          ['/system/policy', '.page-card'],
        ],
        titles,
      )
      await tour(viewport, 'auditor', [['/system/audit', `${byTest('table')} .el-table__row`]], titles)
    })

    it('gives every page its own title', () => {
      const seen = new Map()
      for (const [path, title] of titles) {
        if (path === '/system/audit') continue // also the 403 page for the bureau: the last visit wins
        assert.ok(!seen.has(title), `${path} and ${seen.get(title)} are both titled ${title}`)
        seen.set(title, path)
      }
      assert.ok(titles.size >= 15, [...titles.keys()].join())
    })
  })
}

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

// ---- Keyboard only ----

/** What has the focus: its data-test, role, tag and text, for messages. */
async function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement
    return {
      test: e?.getAttribute('data-test') ?? '',
      role: e?.getAttribute('role') ?? '',
      tag: e?.tagName.toLowerCase() ?? '',
      text: (e?.textContent ?? '').trim().slice(0, 40),
      inMenu: !!e?.closest('[data-test="side-menu"]'),
      inDialog: !!e?.closest('[role="dialog"]'),
      ring: e ? getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2 : false,
    }
  })
}

/** Waits until the element with data-test `test` has the focus; fails naming what has it. */
async function focusIs(page, test) {
  try {
    await page.waitForFunction((t) => document.activeElement?.getAttribute('data-test') === t, test, { timeout: 5000 })
  } catch {
    const f = await focused(page)
    throw new Error(`the focus is not on ${test} but on ${f.test || `${f.tag}[${f.role}] ${f.text}`}`)
  }
}

/** Presses `key` until the focus matches `want` (at most `max` times); fails naming the trail. */
async function pressUntil(page, key, want, max = 40) {
  const trail = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const f = await focused(page)
    if (want(f)) return f
    trail.push(f.test || `${f.tag}[${f.role}] ${f.text}`)
  }
  throw new Error(`${key} ×${max} never reached the element; focus went: ${trail.join(' → ')}`)
}

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
    await pressUntil(page, 'Tab', (x) => x.test === 'field-owner', 20)
    await page.keyboard.type('school1_teacher')
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
        ['school1_safety', '/hazards', `${byTest('table')} .el-table__row`],
        ['school1_safety', '/hazards/new', byTest('hazard-report')],
        ['school1_safety', `/hazards/${tourHazard}`, byTest('hazard-info')],
        ['school1_safety', '/hazards/board', byTest('board-open')],
        ['school1_safety', '/hazards/supervision', byTest('table')],
        ['school1_safety', '/rules', byTest('rule-hazard.overdue')],
        ['school1_safety', '/checklists', byTest('row-link')],
        ['school1_safety', `/checklists/${tourChecklist}`, byTest('checklist-info')],
        ['school1_safety', '/patrols', '[data-test^="slot-"]'],
        ['school1_safety', `/patrol/place/${tourPatrolPlace}?plan_id=${tourPatrolPlan}`, byTest('patrol-fill')],
        ['school1_safety', `/patrols/records/${tourPatrolRecord}`, byTest('record-info')],
        ['school1_safety', `/campaigns/${tourCampaign}/schools/21`, byTest('due-list')],
        ['school1_safety', '/drills', byTest('row-link')],
        ['school1_safety', '/drills/new', byTest('drill-form')],
        ['school1_safety', `/drills/${tourDrill}`, byTest('drill-info')],
        ['school1_safety', '/drills/board', byTest('board-row-drill.monthly')],
        ['school1_safety', '/drills/plans', byTest('add')],
        ['school1_safety', '/calendar?month=2026-10', byTest('day-2026-10-10')],
        ['school1_safety', '/calendar?tab=settings', byTest('exceptions-0-reason')],
        ['school1_safety', '/system/schools', `${byTest('table')} .el-table__row`],
        ['safety_office', '/hazards/board', byTest('board-open')],
        ['safety_office', '/drills/board', byTest('board-row-drill.monthly')],
        ['safety_office', '/plan-board?measure=13', `${byTest('measure-findings-13')} ${byTest('finding-open')}`],
        ['safety_office', '/plan/year', byTest('plan-title')],
        ['safety_office', '/checklists/new', byTest('checklist-form')],
        ['safety_office', `/campaigns/${tourCampaign}`, byTest('school-21')],
        ['safety_office', '/calendar?month=2026-10', byTest('day-2026-10-10')],
        ['safety_office', '/system/schools', `${byTest('table')} .el-table__row`],
        ['sysadmin', '/system/users', `${byTest('table')} .el-table__row`],
        ['auditor', '/system/audit', `${byTest('table')} .el-table__row`],
      ]
      let user = null
      for (const [who, path, selector] of stops) {
        if (who !== user) {
          await context.clearCookies()
          await login(page, server, who)
          user = who
        }
        await page.goto(server.url + path)
        await settled(page, selector)
        await page.waitForTimeout(300)
        await expectNoSidewaysScroll(page, `${who} ${path} at ${name}`)
      }
      await screenshot(page, `a11y-audit-${name.replace(/\W+/g, '')}`)
      await context.close()
    })
  }
})
