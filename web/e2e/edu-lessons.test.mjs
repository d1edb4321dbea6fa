// 安全教育活动 and 安全教育日历 in a real browser. A school's safety officer of the demo district, at a
// desk, finds both pages under 1530与安全教育. On a phone (375 px) they open 安全教育日历, find an item
// of this year not met (未达标 or 待完成), tap its 去记录, and on 安全教育活动 the record form opens
// filled in from the link (the theme, the dated day or month, a date the record counts on); they
// give the activity's name and how many took part, save it, see it listed, and 安全教育日历 shows
// the item 达标 with the record behind it. The district's matrix (the bureau, through the API) says
// the same of the school before and after.
//
// The harness runs the server on the real clock with the demo district, whose first account school
// has neither this semester's anti-bullying lesson nor its 消防宣传月 activity (the demo leaves them
// to do). The item is chosen through the API, as the safety officer of the first demo school
// (school1_safety) sees it, else as that of the second (school2_safety): this year's 消防宣传月
// (fire_month, November) first, then any dated day or month, then 开学安全第一课 or 防欺凌专题教育,
// whichever window has begun (today or earlier). 去记录 dates the record today, or the window's last day once it is over
// (in December: 2026-11-30 for 消防宣传月), so the one record makes the item 达标.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
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
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser
/** The item recorded: { account, schoolId, year, key, code, label, outcome, first, last }. */
let target

const TITLE = '安全教育主题班会（端到端）'
const OBSERVANCES = ['safety_day', 'security_day', 'production_month', 'fire_month']
const OUTCOME_LABELS = { pass: '达标', due: '待完成', fail: '未达标', na: '不适用' }

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

/** The school's calendar of this year as its safety officer reads it. */
async function schoolCalendar(account) {
  const api = await apiSession(server, account)
  const me = await (await api('/api/v1/auth/me')).json()
  const r = await api(`/api/v1/edu/calendar?school_id=${me.unit.id}`)
  assert.equal(r.status, 200, await r.clone().text())
  const body = await r.json()
  assert.equal(body.school, true)
  assert.equal(body.school_id, me.unit.id)
  return body
}

/** The outcome of the target's item for its school in the bureau's matrix. */
async function districtCell() {
  const api = await apiSession(server, 'safety_office')
  const r = await api(`/api/v1/edu/calendar?year=${target.year}`)
  assert.equal(r.status, 200, await r.clone().text())
  const body = await r.json()
  assert.equal(body.school, false)
  assert.ok(body.columns.some((c) => c.key === target.key), `the matrix has a column ${target.key}`)
  const row = body.schools.find((s) => s.school_id === target.schoolId)
  assert.ok(row, `the matrix has a row for school ${target.schoolId}`)
  return row.cells[target.key]
}

describe('安全教育活动 and 安全教育日历', () => {
  it('a demo school has an item of this year not met whose window has begun', async () => {
    for (const account of ['school1_safety', 'school2_safety']) {
      const cal = await schoolCalendar(account)
      const open = cal.items.filter((i) => (i.outcome === 'fail' || i.outcome === 'due') && i.first <= cal.today)
      const pick =
        open.find((i) => i.key === `fire_month:${cal.year}`) ?? open.find((i) => OBSERVANCES.includes(i.code)) ?? open[0]
      if (pick) {
        target = { account, schoolId: cal.school_id, year: cal.year, today: cal.today, ...pick }
        break
      }
    }
    assert.ok(target, 'neither demo school has an item not met whose window has begun (holiday schedule or terms missing?)')
    assert.equal(target.evidence.length, 0, 'an item not met has no record behind it')
    // The bureau's matrix says the same of the school.
    assert.equal(await districtCell(), target.outcome)
  })

  it('the safety officer finds 安全教育活动 and 安全教育日历 under 1530与安全教育', async () => {
    assert.ok(target, 'an item was chosen')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, target.account)
    const menu = await menuItems(page)
    for (const item of ['edu-lessons', 'edu-calendar']) assert.ok(menu.includes(item), menu.join())
    await page.goto(`${server.url}/edu/lessons`)
    await page.waitForSelector(byTest('table'))
    await settled(page)
    assert.equal((await page.locator(byTest('add')).innerText()).trim(), '记录活动')
    await expectAccessible(page, '安全教育活动 at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('on a phone, 去记录 from the calendar records the activity and the item becomes 达标', async () => {
    assert.ok(target, 'an item was chosen')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, target.account)
    await page.goto(`${server.url}/edu/calendar`)
    const item = page.locator(byTest(`item-${target.key}`))
    await item.waitFor()
    await settled(page)
    assert.equal((await page.locator(byTest('year')).innerText()).trim(), `${target.year}年`)
    assert.equal((await item.locator(byTest('item-label')).innerText()).trim(), target.label)
    assert.equal((await item.locator(byTest('item-outcome')).innerText()).trim(), OUTCOME_LABELS[target.outcome])
    assert.equal(await item.locator(byTest('item-evidence')).count(), 0)
    await expectNoSidewaysScroll(page, '安全教育日历 at 375 px')
    await expectAccessible(page, '安全教育日历 at 375 px')
    await screenshot(page, 'edu-calendar-375')

    // 去记录: the record form, filled in from the link.
    const record = item.locator(byTest('item-record'))
    assert.equal((await record.innerText()).trim(), '去记录')
    await record.click()
    await page.waitForURL(/\/edu\/lessons\?/)
    const query = new URL(page.url()).searchParams
    assert.equal(query.get('record'), '1')
    const observance = OBSERVANCES.includes(target.code) ? target.code : null
    const theme = target.code === 'first_lesson' ? 'first_lesson' : target.code === 'bullying_lesson' ? 'bullying' : 'other'
    assert.equal(query.get('theme'), theme)
    assert.equal(query.get('observance'), observance)
    const date = query.get('date')
    assert.equal(date, target.today <= target.last ? target.today : target.last)
    assert.ok(date >= target.first && date <= target.last, `${date} is within ${target.first}–${target.last}`)

    await page.waitForSelector(`${byTest('lesson-dialog')}:visible`)
    await settled(page)
    assert.equal(await page.inputValue(`${byTest('lesson-date')} input`), date)
    if (observance) {
      // The dated day or month chosen, its label shown in the select.
      const label = (await page.locator(`${byTest('lesson-observance')}`).innerText()).trim()
      assert.ok(label.includes(target.label), `主题日（月） shows ${target.label}: ${label}`)
    }
    await page.fill(byTest('lesson-title'), TITLE)
    await page.fill(`${byTest('lesson-participants')} input`, '45')
    await page.keyboard.press('Tab')
    await expectNoSidewaysScroll(page, 'the record form at 375 px')
    await expectAccessible(page, 'the record form at 375 px')
    const save = page.locator(byTest('lesson-submit'))
    assert.ok(await save.isVisible(), '保存记录 is on the screen')
    await screenshot(page, 'edu-lesson-form-375')
    await save.click()
    await page.waitForSelector(byTest('lesson-dialog'), { state: 'hidden' })

    // Listed, as a card on a phone.
    const card = page.locator(byTest('card'), { has: page.locator(byTest('card-title'), { hasText: TITLE }) })
    await card.waitFor()
    assert.equal((await card.locator(byTest('card-date')).innerText()).trim(), date)
    assert.equal((await card.locator(byTest('card-scope')).innerText()).trim(), '全校')
    assert.equal((await card.locator(byTest('card-participants')).innerText()).trim(), '45 人')
    await expectNoSidewaysScroll(page, '安全教育活动 at 375 px')
    await screenshot(page, 'edu-lessons-375')

    // The calendar again: the item is 达标, the record behind it.
    await page.goto(`${server.url}/edu/calendar`)
    await item.waitFor()
    await settled(page)
    assert.equal((await item.locator(byTest('item-outcome')).innerText()).trim(), '达标')
    assert.equal(await item.locator(byTest('item-record')).count(), 0)
    assert.match(await item.locator(byTest('item-evidence')).innerText(), /查看记录（1）/)
    await screenshot(page, 'edu-calendar-done-375')
    assert.deepEqual(errors, [])
    await context.close()

    // The server and the bureau's matrix agree.
    const cal = await schoolCalendar(target.account)
    const now = cal.items.find((i) => i.key === target.key)
    assert.equal(now.outcome, 'pass', now.reason)
    assert.equal(now.evidence.length, 1)
    assert.equal(await districtCell(), 'pass')
  })
})
