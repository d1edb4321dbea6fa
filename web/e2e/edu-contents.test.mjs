// 1530提醒内容 in a real browser. The bureau's safety officer (safety_office), at a desk, opens the
// library: every topic × age group (45 texts), the demo bureau's own 防溺水 text for junior classes
// marked 本单位修改. They rewrite the text the class teacher's next session suggests and save it; the
// class teacher (school1_teacher), on a phone, finds the new text on that session's card on
// 1530安全提醒. The bureau then puts it back (恢复默认, through the API) so the run leaves the library
// as it found it.
//
// The session comes from the API as the teacher sees it: the demo district leaves the class
// teacher's sessions of their last two days unrecorded, so one is listed on a school day and on a
// weekend alike; only in a long break without any open session is the teacher's part skipped, with
// a message saying so. The text to rewrite is found in the bureau's library by the session's topic
// and its current text.
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
  newPage,
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser

const NEW_TEXT = '端到端：放学路上不逗留，天冷取暖不玩火，到家给家长报平安。'

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

describe('1530提醒内容', () => {
  it('the bureau rewrites a text and the class teacher’s session suggests it on a phone', async (t) => {
    const teacherApi = await apiSession(server, 'school1_teacher')
    const sessions = await (await teacherApi('/api/v1/edu/1530/sessions')).json()
    const session = sessions.items[0]
    const bureauApi = await apiSession(server, 'safety_office')
    const library = await (await bureauApi('/api/v1/edu/1530/contents')).json()
    assert.equal(library.items.length, 45)
    assert.equal(library.can_edit, true)

    // The library at a desk: 45 texts, the demo bureau's own junior 防溺水 text marked as its own.
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/edu/1530/contents`)
    await page.waitForSelector(byTest('contents-table'))
    await settled(page)
    assert.equal(await page.locator(byTest('row-text')).count(), 45)
    const own = library.items.find((i) => i.source === 'own')
    assert.ok(own, 'the demo bureau wrote one text of its own')
    const ownRow = page.locator('tr', { has: page.locator(byTest('row-text'), { hasText: own.text }) })
    assert.equal((await ownRow.locator(byTest('row-source')).innerText()).trim(), '本单位修改')
    await expectAccessible(page, '1530提醒内容')

    if (!session) {
      t.diagnostic('the class teacher has no open session (a long break): the text is not rewritten')
      await context.close()
      return
    }
    const item = library.items.find((i) => i.topic === session.topic && i.text === session.text)
    assert.ok(item, `the session's text is in the library: ${session.topic}`)

    // Rewrite it in the dialog.
    const row = page.locator('tr', { has: page.locator(byTest('row-text'), { hasText: item.text }) }).first()
    await row.locator(byTest('row-edit')).click()
    const dialog = page.locator(byTest('content-dialog'))
    await dialog.waitFor()
    assert.equal((await dialog.locator(byTest('content-shipped-text')).innerText()).trim(), item.shipped_text)
    await dialog.locator('textarea').fill(NEW_TEXT)
    await screenshot(page, 'edu-contents-edit')
    await dialog.locator(byTest('content-submit')).click()
    await dialog.waitFor({ state: 'hidden' })
    const saved = page.locator('tr', { has: page.locator(byTest('row-text'), { hasText: NEW_TEXT }) })
    await saved.waitFor()
    assert.equal((await saved.locator(byTest('row-source')).innerText()).trim(), '本单位修改')

    // The class teacher on a phone: the session's card suggests the new text.
    const { page: phone, context: phoneContext, errors: phoneErrors } = await newPage(browser, PHONE)
    await login(phone, server, 'school1_teacher')
    await phone.goto(`${server.url}/edu/1530`)
    await phone.waitForSelector(byTest('session-text'))
    await settled(phone)
    const texts = await phone.locator(byTest('session-text')).allInnerTexts()
    assert.ok(texts.map((x) => x.trim()).includes(NEW_TEXT), `a session suggests the new text: ${texts.join(' | ')}`)
    await expectNoSidewaysScroll(phone, '1530安全提醒')
    await screenshot(phone, 'edu-contents-session')

    // 恢复默认 leaves the library as it was.
    const reset = await bureauApi(`/api/v1/edu/1530/contents?topic=${item.topic}&age_group=${item.age_group}`, {
      method: 'DELETE',
    })
    assert.equal(reset.status, 200)
    assert.equal((await reset.json()).text, item.text)
    assert.deepEqual(errors, [])
    assert.deepEqual(phoneErrors, [])
    await context.close()
    await phoneContext.close()
  })
})
