// The accessibility tour's set-up and helpers, shared by a11y.test.mjs (language, keyboard only,
// sideways scrolling) and the axe-core tours at desk width (a11y-desktop.test.mjs) and on a phone
// (a11y-phone.test.mjs): each file starts its own server with the same tour records, so the files
// run side by side.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
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
  resultsDir,
  startServer,
} from './harness.mjs'

export let server
export let browser
/** A reported hazard of 示范区双桥小学 for the tour, and one for the keyboard-only step. */
export let tourHazard
export let keyboardHazard
export let schoolId
/** A drill of 示范区双桥小学 with a problem, for the tour. */
export let tourDrill
/** The shipped 学生宿舍消防安全检查表, for the tour. */
export let tourChecklist
/** A patrol plan of 示范区双桥小学's canteen (every day), its place and a patrol of it, for the tour. */
export let tourPatrolPlan
export let tourPatrolPlace
export let tourPatrolRecord
/** A campaign deployed to 示范区双桥小学 (both windows from today), for the tour. */
export let tourCampaign
/** A whistle of 示范区双桥小学 (道路交通, routed to the traffic police), for the tour. */
export let tourWhistle
/** A monthly work item of 全区“一盘棋” deployed to 示范区双桥小学 and 基础教育科 (days overdue), for the tour. */
export let tourWork

export const KEYBOARD_TITLE = '实验室通风橱故障（键盘）'

/** Registers the file's server, browser and tour records (before) and their end (after). */
export function useTourServer() {
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
  const whistle = await api('/api/v1/whistles', {
    method: 'POST',
    body: JSON.stringify({
      school_id: 21,
      title: '校门口缺少人行横道（无障碍检查）',
      description: '放学时学生横穿马路',
      category: 'traffic',
      place: 'around',
      location: '校门外解放路',
      severity: 'general',
      interim_measures: '',
      file_ids: [],
    }),
  })
  assert.equal(whistle.status, 201, await whistle.clone().text())
  tourWhistle = (await whistle.json()).id
  const work = await (await bureau('/api/v1/duties/work')).json()
  const basic = work.sections.find((u) => u.name === '基础教育科')
  assert.ok(basic, JSON.stringify(work.sections))
  const dayFrom = (n) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10)
  const deployed = await bureau('/api/v1/duties/work', {
    method: 'POST',
    body: JSON.stringify({
      kind: 'key',
      title: '校园安全隐患月报（无障碍检查）',
      detail: '每月25日前报送本月隐患排查整改情况',
      measures: [3, 6],
      lead_section_id: basic.id,
      targets: [21, basic.id],
      schedule: { repeat: 'monthly', due: null, day: 25, from: dayFrom(-70), until: dayFrom(100) },
    }),
  })
  assert.equal(deployed.status, 201, await deployed.clone().text())
  tourWork = (await deployed.json()).id
})

after(async () => {
  await browser?.close()
  await server?.stop()
})
}

/** The page's <h1> texts, its <title> and <html lang>. */
export async function structure(page) {
  return page.evaluate(() => ({
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
    title: document.title,
    lang: document.documentElement.lang,
  }))
}

/** Waits until a page of the layout has rendered: its heading is set and nothing is loading. */
export async function settled(page, selector) {
  await page.waitForFunction(() => document.querySelector('[data-test="page-heading"]')?.textContent.trim())
  if (selector) await page.waitForSelector(selector)
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** A path as part of a file name: /hazards/12?tab=a → hazards-12-tab-a. */
export function slug(path) {
  return path.replace(/[^\w\u4e00-\u9fff]+/g, '-').replace(/^-+|-+$/g, '') || 'root'
}

/**
 * A list page's rows, whichever shape the width gives them: the table's rows on a desk, the cards
 * (ListLayout) on a phone.
 */
export const LIST_ROWS = `${byTest('table')} .el-table__row, ${byTest('card')}`
/** A list page's table or, on a phone, its cards (there may be none). */
export const LIST = `${byTest('table')}, ${byTest('cards')}`
/** 校车台账's records: the state tag every row (table) or card (phone) has. */
export const BUS_STATES = `${byTest('row-state')}, ${byTest('card-state')}`
/** 校园交通's vehicles and e-bikes: the state tag every row (table) or card (phone) has. */
export const TRAFFIC_STATES = BUS_STATES
/** 科室监管事项's items, whichever shape the width gives them: the table's rows, or the cards. */
export const SUPERVISION_ITEMS = `${byTest('supervision-table')} [data-test^="supervision-row-"], ${byTest('supervision-cards')} [data-test^="supervision-card-"]`
/** 全区工作's items, whichever shape the width gives them: the table's rows, or the cards. */
export const WORK_ITEMS = `${byTest('work-table')} [data-test^="work-row-"], ${byTest('work-cards')} [data-test^="work-card-"]`
/** 全区工作看板's units once read: the table's links, or the cards'. */
export const WORK_BOARD_UNITS = `${byTest('work-board-table')} [data-test^="work-board-unit-"], ${byTest('work-board-cards')} [data-test^="work-board-unit-"]`
/** 未成年人信息查阅's 我的申请 once read: the requests (a table's rows or cards), or the line saying there are none. */
export const MINORS_MINE = `${byTest('minors-mine')} :is(${byTest('grant-row')}, ${byTest('minors-mine-empty')})`
/** 年度查阅报告 once read: the grants' counts. */
export const MINORS_REPORT = `${byTest('minors-report')} ${byTest('minors-report-count-requested')}`
/** 门岗核验 once today's refusals are loaded: the refusals, or the line saying there are none. */
export const GATE_TODAY = `${byTest('gate-today')} ${byTest('today-item')}, ${byTest('gate-today-empty')}`

/** The layout's page: the first element after its <h1>, a new one for each path opened. */
const PAGE_ROOT = '#main-content > h1 + *'

/**
 * Opens a path of the console as its menu and links do: through the router (a history entry and
 * its popstate), so each stop of a tour renders the page, not the whole console from its start
 * again. Waits until the page of the path (or the one its guard sends the user to) has replaced
 * the one shown. The first stop, and a path already shown, load the document.
 */
export async function openInConsole(page, path) {
  const shown = await page.evaluate(
    (root) => (document.querySelector(root) ? location.pathname + location.search : null),
    PAGE_ROOT,
  )
  if (shown === null || shown === path) {
    await page.goto(server.url + path)
    return
  }
  await page.evaluate(
    ([to, root]) => {
      window.__tourShown = document.querySelector(root)
      history.pushState(null, '', to)
      dispatchEvent(new PopStateEvent('popstate', { state: null }))
    },
    [path, PAGE_ROOT],
  )
  await page.waitForFunction((root) => {
    const shownNow = document.querySelector(root)
    return shownNow !== null && shownNow !== window.__tourShown
  }, PAGE_ROOT)
}

/**
 * Visits each path as the user: axe, one <h1> that names the page, "<page> · 校安" as the title,
 * and a screenshot of each page as the user sees it (a11y-<user>-<path>-<size>.png; the window,
 * not the whole page: the tour is long). The stops after the first are opened through the router
 * (openInConsole), as a user moves through the console.
 */
export async function tour(viewport, user, stops, titles) {
  const size = viewport === PHONE ? '375' : 'desktop'
  const { page, context, errors } = await newPage(browser, viewport)
  await login(page, server, user)
  mkdirSync(resultsDir, { recursive: true })
  for (const [path, selector, extra] of stops) {
    await openInConsole(page, path)
    await settled(page, selector)
    const label = `${user} ${path} at ${viewport.width} px`
    const s = await structure(page)
    assert.equal(s.h1.length, 1, `${label}: one <h1>, got ${JSON.stringify(s.h1)}`)
    assert.equal(s.title, `${s.h1[0]} · 校安`, `${label}: the title names the page`)
    assert.equal(s.lang, 'zh-CN', label)
    titles.set(path.split('?')[0].replace(/\/\d+$/, '/:id'), s.title)
    await expectAccessible(page, label)
    await page.screenshot({ path: join(resultsDir, `a11y-${user}-${slug(path)}-${size}.png`) })
    if (extra) await extra(page, label)
  }
  assert.deepEqual(errors, [], errors.join('\n'))
  await context.close()
}

/** Opens a step dialog of the hazard (the first action offered) and checks it, then Escape. */
export async function stepDialog(page, label) {
  const action = page.locator(`${byTest('actions')} [data-test^="action-"]`).first()
  await action.click()
  await page.waitForSelector(`${byTest('field-password')}:visible`)
  await expectAccessible(page, `${label}, step dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('field-password'), { state: 'hidden' })
}

/** The new drill plan dialog: open, checked, Escape closes it. */
export async function planDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('plan-dialog')}:visible`)
  await expectAccessible(page, `${label}, new plan dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('plan-dialog'), { state: 'hidden' })
}

/** The new patrol plan dialog: open, checked, Escape closes it. */
export async function patrolPlanDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('patrol-plan-dialog')}:visible`)
  await expectAccessible(page, `${label}, new patrol plan dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('patrol-plan-dialog'), { state: 'hidden' })
}

/** The whistle raise dialog (吹哨), open and checked, then Escape. */
export async function raiseDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('raise-dialog')}:visible`)
  await expectAccessible(page, `${label}, the raise dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('raise-dialog'), { state: 'hidden' })
}

/** A whistle step's dialog (the first action offered), open and checked, then Escape. */
export async function whistleStep(page, label) {
  await page.locator(`${byTest('actions')} [data-test^="action-"]`).first().click()
  await page.waitForSelector(`${byTest('action-dialog')}:visible`)
  await expectAccessible(page, `${label}, the step dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('action-dialog'), { state: 'hidden' })
}

/** The deploy dialog of the campaigns, open and checked, then Escape. */
export async function deployDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('campaign-deploy-dialog')}:visible`)
  await expectAccessible(page, `${label}, the deploy dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('campaign-deploy-dialog'), { state: 'hidden' })
}

/** The campaign's 典型问题 tab (none raised yet on the tour's campaign), checked. */
export async function typicalTab(page, label) {
  await page.click('#tab-typical')
  await page.waitForSelector(byTest('typical-none'))
  await expectAccessible(page, `${label}, the typical problems tab`)
}

/** 校车台账's import dialog (the tab's template, all or nothing), open and checked, then Escape. */
export async function busImport(page, label) {
  await page.click(byTest('import'))
  await page.waitForSelector(`${byTest('bus-import-note')}:visible`)
  await expectAccessible(page, `${label}, the bus import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/** 校车台账's 新增出行用车 dialog (the day, the rented vehicles first), open and checked, then Escape. */
export async function outingDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('outing-hint')}:visible`)
  await expectAccessible(page, `${label}, the outing dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('bus-dialog'), { state: 'hidden' })
}

/** 校园交通's import dialog on a tab (the list's template, all or nothing), open and checked, then Escape. */
export async function trafficImport(page, label) {
  await page.click(byTest('import'))
  await page.waitForSelector(`${byTest('traffic-import-note')}:visible`)
  await expectAccessible(page, `${label}, the campus import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/** 应急体系总览's 导入人员 dialog (the people's template, all or nothing, what a file replaces), open and checked, then Escape. */
export async function emergencyImport(page, label) {
  await page.click(byTest('emergency-people-import'))
  await page.waitForSelector(`${byTest('emergency-import-note')}:visible`)
  await expectAccessible(page, `${label}, the emergency people import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/** 应急体系's 人员导入/导出 menu (导入人员, 下载模板, 导出人员), open and checked, then Escape. */
export async function emergencyPeopleMenu(page, label) {
  await page.click(byTest('emergency-people'))
  await page.waitForSelector(`${byTest('emergency-people-export')}:visible`)
  await expectAccessible(page, `${label}, the emergency people menu`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('emergency-people-export'), { state: 'hidden' })
}

/** 重点岗位人员's 新增人员 form (a dialog on a desk, a drawer on a phone), open and checked, then Escape. */
export async function trainingStaffDialog(page, label) {
  await page.click(byTest('training-staff-add'))
  await page.waitForSelector(`${byTest('training-staff-dialog')}:visible ${byTest('staff-field-name')}`)
  await expectAccessible(page, `${label}, the key-post person form`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('training-staff-dialog'), { state: 'hidden' })
}

/**
 * 培训记录: the 记录培训 form (the key staff in post to tick), then a session's details and its
 * 签到表导入 dialog, each open and checked, then Escape.
 */
export async function trainingSessionDialogs(page, label) {
  await page.click(byTest('training-session-add'))
  await page.waitForSelector(`${byTest('training-session-dialog')}:visible [data-test^="session-staff-"]`)
  await expectAccessible(page, `${label}, the session form`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('training-session-dialog'), { state: 'hidden' })
  await page.locator(`${byTest('training-session-open')}:visible`).first().click()
  await page.waitForSelector(`${byTest('training-session-drawer')}:visible ${byTest('training-signin-import')}`)
  await page.waitForFunction(() => !document.querySelector('[data-test="training-session-drawer"] .el-loading-mask:not([style*="display: none"])'))
  await expectAccessible(page, `${label}, a session's details`)
  await page.click(byTest('training-signin-import'))
  await page.waitForSelector(`${byTest('training-signin-note')}:visible`)
  await expectAccessible(page, `${label}, the sign-in sheet import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('training-session-drawer'), { state: 'hidden' })
}

/**
 * 科室监管事项: the 新增监管事项 form (a dialog on a desk, a drawer on a phone) and the import dialog,
 * each open and checked, then Escape.
 */
export async function supervisionDialogs(page, label) {
  await page.click(byTest('supervision-add'))
  await page.waitForSelector(`${byTest('supervision-dialog')}:visible ${byTest('supervision-form-section')}`)
  await expectAccessible(page, `${label}, the supervision item form`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('supervision-dialog'), { state: 'hidden' })
  await page.click(byTest('supervision-import'))
  await page.waitForSelector(`${byTest('supervision-import-note')}:visible`)
  await expectAccessible(page, `${label}, the supervision import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/**
 * 全区工作: the 部署工作 form (a dialog on a desk, a drawer on a phone) and the import dialog, each open
 * and checked, then Escape.
 */
export async function workDialogs(page, label) {
  await page.click(byTest('work-add'))
  await page.waitForSelector(`${byTest('work-dialog')}:visible ${byTest('work-form-title')}`)
  await expectAccessible(page, `${label}, the work form`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('work-dialog'), { state: 'hidden' })
  await page.click(byTest('work-import'))
  await page.waitForSelector(`${byTest('work-import-note')}:visible`)
  await expectAccessible(page, `${label}, the work import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/** 本单位工作's 报告完成 form of the tour's item, open and checked, then Escape. */
export async function workReportDialog(page, label) {
  await page.click(byTest(`work-report-${tourWork}`))
  await page.waitForSelector(`${byTest('work-report-dialog')}:visible ${byTest('work-report-due')}`)
  await expectAccessible(page, `${label}, the report form`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('work-report-dialog'), { state: 'hidden' })
}

/** 未成年人信息查阅's 申请查阅 form (a dialog on a desk, a drawer on a phone), open and checked, then Escape. */
export async function grantDialog(page, label) {
  await page.click(byTest('grant-add'))
  await page.waitForSelector(`${byTest('grant-dialog')}:visible ${byTest('grant-reason')}`)
  await expectAccessible(page, `${label}, the request form`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('grant-dialog'), { state: 'hidden' })
}

/** 校园交通's 新增车辆 dialog (class, gates as tags, hours, validity), open and checked, then Escape. */
export async function trafficDialog(page, label) {
  await page.click(byTest('add'))
  await page.waitForSelector(`${byTest('traffic-dialog')}:visible`)
  await expectAccessible(page, `${label}, the vehicle dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('traffic-dialog'), { state: 'hidden' })
}

/** The checklist import dialog (a name field besides the file), open and checked, then Escape. */
export async function checklistImport(page, label) {
  await page.click(byTest('import'))
  await page.waitForSelector(`${byTest('import-dialog')}:visible`)
  await expectAccessible(page, `${label}, the checklist import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
}

/** A checklist's 复制为本单位 dialog, open and checked, then Escape. */
export async function checklistCopy(page, label) {
  await page.click(byTest('checklist-copy'))
  await page.waitForSelector(`${byTest('copy-dialog')}:visible`)
  await expectAccessible(page, `${label}, the copy dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('copy-dialog'), { state: 'hidden' })
}

/** The bell's panel: open, checked, and Escape closes it with the focus back on the bell. */
export async function bell(page, label) {
  await page.click(byTest('bell'))
  await page.waitForSelector(`${byTest('bell-panel')}:visible`)
  await focusIs(page, 'bell-panel')
  await expectAccessible(page, `${label}, notifications open`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(`${byTest('bell-panel')}`, { state: 'hidden' })
  await focusIs(page, 'bell')
}

/** A day of the school calendar: its dialog open, checked, and Escape closes it. */
export async function calendarDay(page, label) {
  await page.click(byTest('day-2026-12-01'))
  await page.waitForSelector(`${byTest('day-dialog')} ${byTest('day-duties')}`)
  await expectAccessible(page, `${label}, a day open`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('day-dialog'), { state: 'hidden' })
}

/** The holiday import dialog, open and checked, then Escape. */
export async function holidayImport(page, label) {
  await page.click(byTest('holidays-import'))
  await page.waitForSelector(`${byTest('holiday-import-dialog')}:visible`)
  await expectAccessible(page, `${label}, the holiday import dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('holiday-import-dialog'), { state: 'hidden' })
}

/** The drill board's 重新判定 confirmation, open and checked, then cancelled. */
export async function boardEvaluate(page, label) {
  await page.click(byTest('board-evaluate'))
  await page.waitForSelector(`${byTest('confirm-box')}:visible`)
  await expectAccessible(page, `${label}, the 重新判定 confirmation`)
  await page.click(byTest('confirm-cancel'))
  await page.waitForSelector(byTest('confirm-box'), { state: 'hidden' })
}

/** A drill rule's 编辑参数 dialog, open and checked, then Escape. */
export async function ruleParams(page, label) {
  await page.locator(byTest('row-edit-params')).first().click()
  await page.waitForSelector(`${byTest('params-dialog')} ${byTest('param-input-min_count')}`)
  await expectAccessible(page, `${label}, the parameters dialog`)
  await page.keyboard.press('Escape')
  await page.waitForSelector(byTest('params-dialog'), { state: 'hidden' })
}

export async function profileTabs(page, label) {
  for (const tab of ['totp', 'sessions', 'tokens']) {
    await page.goto(`${server.url}/profile?tab=${tab}`)
    await settled(page)
    await expectAccessible(page, `${label}, tab ${tab}`)
  }
}

export async function userMenu(page, label) {
  await page.click(byTest('user-menu'))
  await page.waitForSelector(`${byTest('user-menu-logout')}:visible`)
  await expectAccessible(page, `${label}, user menu open`)
  await page.keyboard.press('Escape')
}

/** On a phone: the menu drawer open; on a desk: the sidebar collapsed to icons. */
export async function menuStates(page, label) {
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

// ---- Keyboard only ----

/** What has the focus: its data-test, role, tag and text, for messages. */
export async function focused(page) {
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
export async function focusIs(page, test) {
  try {
    await page.waitForFunction((t) => document.activeElement?.getAttribute('data-test') === t, test, { timeout: 5000 })
  } catch {
    const f = await focused(page)
    throw new Error(`the focus is not on ${test} but on ${f.test || `${f.tag}[${f.role}] ${f.text}`}`)
  }
}

/** Presses `key` until the focus matches `want` (at most `max` times); fails naming the trail. */
export async function pressUntil(page, key, want, max = 40) {
  const trail = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const f = await focused(page)
    if (want(f)) return f
    trail.push(f.test || `${f.tag}[${f.role}] ${f.text}`)
  }
  throw new Error(`${key} ×${max} never reached the element; focus went: ${trail.join(' → ')}`)
}

/** The axe-core tour of every page at one viewport (its own test file, so the two widths run side by side). */
export function axeTour(viewport) {
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
          ['/hazards', LIST_ROWS, userMenu],
          ['/hazards/new', byTest('hazard-report')],
          [`/hazards/${tourHazard}`, `${byTest('actions')} [data-test^="action-"]`, stepDialog],
          ['/hazards/board', byTest('board-open')],
          ['/hazards/supervision', LIST],
          ['/hazards/rules', byTest('field-general_days')],
          ['/checklists', byTest('row-link')],
          [`/checklists/${tourChecklist}`, byTest('checklist-info')],
          ['/patrols', byTest('row-state')],
          ['/patrols/plans', byTest('add'), patrolPlanDialog],
          ['/patrols/records', byTest('row-link')],
          [`/patrols/records/${tourPatrolRecord}`, byTest('record-info')],
          [`/patrol/place/${tourPatrolPlace}?plan_id=${tourPatrolPlan}`, byTest('patrol-fill')],
          ['/patrols/qr?school_id=21', byTest('qr-image')],
          ['/campaigns', byTest(`campaign-${tourCampaign}`)],
          [`/campaigns/${tourCampaign}/schools/21`, byTest('due-list')],
          ['/security/schools/21', byTest('security-indicators')],
          ['/security/rounds', `${byTest('table')}, ${byTest('round-cards')}`],
          // Every record of 校车台账 has its state tag (a cell of its own may be empty).
          ['/bus', BUS_STATES, busImport],
          // 出行用车: the demo's outings, each with its state on its day; the outing form.
          ['/bus?tab=outings', BUS_STATES, outingDialog],
          // 校园交通: every vehicle has its state tag; 门岗核验 once today's refusals (or none) are in.
          ['/traffic', TRAFFIC_STATES, trafficDialog],
          ['/traffic?tab=ebikes', TRAFFIC_STATES, trafficImport],
          ['/traffic/gate', GATE_TODAY],
          // 一校一策: the school's guide (the demo writes none: the editor, empty) and its paper for the parents.
          ['/traffic/guide', byTest('guide-editor')],
          ['/traffic/guide/21/print', byTest('guide-paper')],
          // 应急体系: the school's setup (the demo's, its checks, its 人员导入/导出 menu) and its emergency card.
          ['/emergency', byTest('emergency-check-emergency.unit'), emergencyPeopleMenu],
          ['/emergency/21/card', byTest('emergency-card')],
          // 安全培训: the school's key-post staff (the demo's, 张强 overdue) and its sessions.
          ['/training/staff', byTest('training-staff-list'), trainingStaffDialog],
          ['/training/sessions', byTest('training-session-open'), trainingSessionDialogs],
          // 安全监管机构: the school's office (the demo's, 未达标: no one full time), its members' rows.
          ['/training/offices', `${byTest('training-office-editor')} ${byTest('training-office-member-row-0-name')}`],
          // 安全责任: the officer's own duty list (signed in the demo), the school's lists (a table, cards
          // on a phone), its 三管三必须, the district's templates (read only) and the school's 安全述职.
          ['/duties/mine', byTest('duty-state')],
          ['/duties/lists', `${byTest('duty-lists-table')} ${byTest('duty-list-row')}, ${byTest('duty-lists-cards')} ${byTest('duty-list-row')}`],
          ['/duties/areas', byTest('duty-area-row')],
          ['/duties/templates', byTest('duty-template')],
          ['/duties/year', `${byTest('duty-year')} ${byTest('duty-year-stat-hazards-found')}`],
          // 本单位工作: the tour's item (days overdue) and its 报告完成 form.
          ['/duties/work/mine', byTest(`work-mine-item-${tourWork}`), workReportDialog],
          ['/whistles', byTest('row-link'), raiseDialog],
          [`/whistles/${tourWhistle}`, byTest('whistle-info')],
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
          ['/system/schools', LIST_ROWS, bell],
          ['/profile?tab=password', byTest('old-password'), profileTabs],
        ],
        titles,
      )
    })

    it('the bureau’s pages: board across schools, organisation, departments, a school, refusals, a section head’s', async () => {
      await tour(
        viewport,
        'safety_office',
        [
          ['/home', byTest('home-scope')],
          ['/hazards/board', byTest('board-open')],
          ['/hazards/supervision', LIST],
          ['/checklists', byTest('row-link'), checklistImport],
          [`/checklists/${tourChecklist}`, byTest('checklist-info'), checklistCopy],
          ['/checklists/new', byTest('checklist-form')],
          ['/patrols', byTest('row-state')],
          ['/patrols/plans', byTest('qr-all')],
          ['/campaigns', byTest('add'), deployDialog],
          [`/campaigns/${tourCampaign}`, byTest('school-21'), typicalTab],
          [`/campaigns/${tourCampaign}/briefing`, byTest('briefing')],
          ['/security/board', byTest('board-rates')],
          ['/security/rounds', byTest('add')],
          ['/bus?tab=vehicles', BUS_STATES],
          ['/bus/survey', byTest('survey-total')],
          ['/traffic', TRAFFIC_STATES],
          ['/traffic/guides', `${byTest('table')} ${byTest('guides-school-21')}`],
          ['/traffic/guide?unit_id=21', byTest('guide-editor')],
          ['/emergency/setups', `${byTest('emergency-setups-table')} ${byTest('emergency-setups-school-21')}`, emergencyImport],
          ['/emergency?unit_id=21', byTest('emergency-check-emergency.unit')],
          ['/training/board', byTest('training-board-school-21')],
          ['/training/staff?unit_id=21', byTest('training-staff-list')],
          ['/training/sessions?unit_id=21', byTest('training-session-open')],
          ['/training/offices/board', byTest('training-offices-board-unit-21')],
          ['/training/offices', `${byTest('training-office-editor')} ${byTest('training-office-member-row-0-name')}`],
          ['/training/offices?unit_id=21', byTest('training-office-check-outcome')],
          // 安全责任: 责任落实看板, a school's lists, its 三管三必须 and 安全述职; the templates the office revises.
          ['/duties/board', byTest('duty-board-school-21')],
          ['/duties/lists?unit_id=21', `${byTest('duty-lists-table')} ${byTest('duty-list-row')}, ${byTest('duty-lists-cards')} ${byTest('duty-list-row')}`],
          ['/duties/areas?unit_id=21', byTest('duty-area-row')],
          ['/duties/templates', byTest('duty-template-edit')],
          ['/duties/year?unit_id=21', `${byTest('duty-year')} ${byTest('duty-year-stat-hazards-found')}`],
          // 科室述职 of the bureau's first section (the section picker on top).
          ['/duties/year/section', `${byTest('section-year')} ${byTest('section-year-stat-own')}`],
          // 科室监管事项 (the item form and the import open) and 措施覆盖 (measures 3 and 16 without a section).
          ['/duties/supervision', SUPERVISION_ITEMS, supervisionDialogs],
          ['/duties/supervision/coverage', byTest('coverage-status-3')],
          // 全区工作 (the form and the import open), the tour's item with its units, and the board.
          ['/duties/work', WORK_ITEMS, workDialogs],
          [`/duties/work/${tourWork}`, `${byTest('work-units')} [data-test^="work-unit-"]`],
          ['/duties/work/board', WORK_BOARD_UNITS],
          ['/whistles', byTest('row-link')],
          [`/whistles/${tourWhistle}`, byTest('whistle-info'), whistleStep],
          ['/whistles/stats', byTest('stats-period')],
          ['/whistles/routes', byTest('route-traffic')],
          ['/drills', byTest('row-link')],
          ['/drills/board', byTest('board-row-drill.monthly'), boardEvaluate],
          ['/plan-board?measure=13', `${byTest('measure-findings-13')} ${byTest('finding-open')}`],
          ['/drills/plans', byTest('add')],
          ['/plan/year', byTest('plan-title')],
          ['/rules?measure=13', byTest('rule-drill.monthly'), ruleParams],
          ['/calendar?month=2026-10', byTest('day-2026-10-10')],
          ['/calendar?tab=settings', byTest('terms-0-starts_on')],
          ['/system/schools', LIST_ROWS],
          [`/system/schools/${schoolId}`, byTest('school-detail')],
          ['/system/org', '.page-card'],
          ['/system/departments', byTest('table')],
          // 未成年人信息查阅: the office's own requests and the request form.
          ['/minors', MINORS_MINE, grantDialog],
          ['/system/audit', byTest('forbidden')],
          ['/no/such/page', '.page'],
        ],
        titles,
      )
      // A section head: 我的监管事项 on the home page, the items and the coverage read only, 全区工作 read
      // only, the section's own work and its 科室述职.
      await tour(
        viewport,
        'section_basic',
        [
          ['/home', byTest('home-my-supervision')],
          ['/duties/supervision', SUPERVISION_ITEMS],
          ['/duties/supervision/coverage', byTest('coverage-status-3')],
          // 全区工作 read only, and the section's own work.
          ['/duties/work', WORK_ITEMS],
          ['/duties/work/mine', byTest(`work-mine-item-${tourWork}`)],
          // 科室述职: the section's own year (no picker).
          ['/duties/year/section', `${byTest('section-year')} ${byTest('section-year-stat-own')}`],
        ],
        titles,
      )
    })

    it('the administrators’ pages: users, roles, policy, audit log', async () => {
      await tour(
        viewport,
        'sysadmin',
        [
          ['/system/users', LIST_ROWS],
          ['/calendar?tab=holidays', byTest('holiday-year-2026'), holidayImport],
        ],
        titles,
      )
      await tour(
        viewport,
        'secadmin',
        [
          ['/system/roles', LIST_ROWS],
          ['/system/policy', '.page-card'],
        ],
        titles,
      )
      await tour(
        viewport,
        'auditor',
        [
          ['/system/audit', LIST_ROWS],
          // 未成年人信息查阅: the yearly report alone.
          ['/minors', MINORS_REPORT],
        ],
        titles,
      )
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
