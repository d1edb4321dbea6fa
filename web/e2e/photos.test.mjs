// Photos on a phone, in a real browser: a 4000×3000 camera picture is made smaller before it is
// uploaded (the stored file is a JPEG of at most 1920 px and 2 MB) with the upload's percentage
// shown; a file over 20 MB is refused beside the field without any request; the unsent report is
// kept across a reload; a major hazard asks for no five-in-place on the report, and is sent.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PHONE, byTest, expectAccessible, launchBrowser, login, newPage, screenshot, startServer } from './harness.mjs'

let server
let browser
let tmp

const DRAFT_KEY = 'xiaoan:hazard-report-draft:school1_safety'
const TITLE = '教学楼三楼消防通道堆放杂物（照片端到端）'

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/**
 * A photo-like 4000×3000 JPEG drawn by the browser (gradients, shapes and grain, so that it is as
 * hard to compress as a camera's picture), as bytes.
 */
async function cameraPhoto(page) {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 4000
    canvas.height = 3000
    const ctx = canvas.getContext('2d')
    const sky = ctx.createLinearGradient(0, 0, 4000, 3000)
    sky.addColorStop(0, '#8fb8de')
    sky.addColorStop(1, '#5a4632')
    ctx.fillStyle = sky
    ctx.fillRect(0, 0, 4000, 3000)
    let seed = 7
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let i = 0; i < 3000; i++) {
      ctx.fillStyle = `rgba(${Math.floor(rnd() * 255)}, ${Math.floor(rnd() * 255)}, ${Math.floor(rnd() * 255)}, 0.6)`
      ctx.beginPath()
      ctx.arc(rnd() * 4000, rnd() * 3000, 5 + rnd() * 120, 0, Math.PI * 2)
      ctx.fill()
    }
    const img = ctx.getImageData(0, 0, 4000, 3000)
    for (let i = 0; i < img.data.length; i += 4) {
      const n = (rnd() - 0.5) * 24
      img.data[i] += n
      img.data[i + 1] += n
      img.data[i + 2] += n
    }
    ctx.putImageData(img, 0, 0)
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.95))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let text = ''
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(text)
  })
  return Buffer.from(base64, 'base64')
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-photos-'))
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('photos and the report draft', () => {
  it('compresses a camera photo, refuses a file over 20 MB, keeps the draft and reports a major hazard', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    const posts = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/files') posts.push(r.url())
    })
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/hazards/new`)
    await page.waitForSelector(byTest('hazard-report'))
    assert.equal(await page.$(byTest('draft-restored')), null, 'no draft at first')

    // A 4000×3000 camera picture: uploaded as a smaller JPEG, its progress shown meanwhile.
    const original = await cameraPhoto(page)
    assert.ok(original.length > 2 * 1024 * 1024, `the generated photo is ${original.length} bytes`)
    let release
    const held = new Promise((r) => (release = r))
    const uploads = (url) => url.pathname === '/api/v1/files'
    await page.route(uploads, async (route) => {
      if (route.request().method() === 'POST') await held
      await route.continue()
    })
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/files')
    await page.setInputFiles(byTest('photo-input'), { name: '消防通道.jpg', mimeType: 'image/jpeg', buffer: original })
    const tile = page.locator(`${byTest('photo-pending')}[role="progressbar"]`)
    await tile.waitFor()
    await page.waitForFunction((sel) => /^上传中 \d+%$/.test(document.querySelector(sel)?.textContent?.trim() ?? ''), byTest('photo-progress'))
    assert.match(await tile.getAttribute('aria-valuenow'), /^\d+$/)
    assert.equal(await tile.getAttribute('aria-label'), '上传 消防通道.jpg')
    release()
    const stored = await (await answer).json()
    await page.unroute(uploads)
    await page.waitForSelector(`${byTest('photo-thumb')} img`)
    assert.equal(await tile.count(), 0)
    assert.equal(stored.name, '消防通道.jpg')
    assert.equal(stored.content_type, 'image/jpeg')
    assert.ok(stored.size < original.length, `stored ${stored.size} bytes, chosen ${original.length}`)
    assert.ok(stored.size <= 2 * 1024 * 1024, `stored ${stored.size} bytes`)
    // The stored picture itself: 1920×1440, the size the server recorded.
    const got = await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob()
      const bmp = await createImageBitmap(blob)
      return { size: blob.size, width: bmp.width, height: bmp.height }
    }, stored.url)
    assert.deepEqual(got, { size: stored.size, width: 1920, height: 1440 })
    assert.equal(posts.length, 1)

    // A file over 20 MB (a picture the browser cannot decode, so not made smaller): refused here.
    const huge = Buffer.alloc(21 * 1024 * 1024, 0x5a)
    huge.set([0xff, 0xd8, 0xff, 0xe0], 0)
    const hugePath = join(tmp, '照片.jpg')
    writeFileSync(hugePath, huge)
    await page.setInputFiles(byTest('photo-input'), hugePath)
    const refusal = page.locator(byTest('photo-refusal'))
    await refusal.waitFor()
    assert.equal(await refusal.innerText(), '照片.jpg 超过 20 MB，无法上传')
    assert.equal(await page.locator(`${byTest('photo-refusals')}[role="alert"]`).count(), 1)
    assert.equal(posts.length, 1, 'no request for the refused file')
    assert.equal(await page.locator(byTest('photo-thumb')).count(), 1)

    // The draft: typed, reloaded, restored with the photo.
    await choose(page, 'field-domain', '消防安全')
    await page.fill(byTest('field-title'), TITLE)
    await page.waitForFunction(([key, title]) => (localStorage.getItem(key) ?? '').includes(title), [DRAFT_KEY, TITLE])
    await page.reload()
    await page.waitForSelector(byTest('draft-restored'))
    assert.match(await page.locator(byTest('draft-restored')).innerText(), /已恢复未提交的草稿/)
    assert.ok(await page.$(byTest('draft-clear')))
    assert.equal(await page.inputValue(byTest('field-title')), TITLE)
    await page.waitForSelector(`${byTest('photo-thumb')} img`)
    assert.equal(await page.locator(byTest('photo-thumb')).count(), 1)

    // 重大隐患: the five-in-place shown as optional, nothing red.
    await page.click(byTest('level-major'))
    await page.waitForSelector(byTest('field-five.measures'))
    await page.click(byTest('field-five.measures'))
    await page.click(byTest('field-title'))
    await page.waitForTimeout(300) // a form item's error shows after a short debounce
    assert.match(await page.locator(byTest('five-later')).innerText(), /重大隐患销号前须填齐五落实，可稍后补充/)
    assert.equal(await page.locator('.el-form-item.is-error').count(), 0)
    assert.equal(await page.locator('.el-form-item__error').count(), 0)
    await screenshot(page, 'hazard-report-draft-375')
    await expectAccessible(page, 'the report form with a restored draft, a major hazard, at 375 px')

    // Sent without the five: the draft is gone.
    await page.click(byTest('save'))
    await page.waitForURL(/\/hazards\/\d+$/)
    await page.waitForSelector(`${byTest('hazard-files')} img`)
    assert.equal((await page.locator(byTest('hazard-level')).innerText()).trim(), '重大隐患')
    await page.waitForFunction((key) => localStorage.getItem(key) === null, DRAFT_KEY)
    await page.goto(`${server.url}/hazards/new`)
    await page.waitForSelector(byTest('hazard-report'))
    assert.equal(await page.$(byTest('draft-restored')), null)
    assert.equal(await page.inputValue(byTest('field-title')), '')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
