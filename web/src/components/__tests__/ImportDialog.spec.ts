// The import dialog's summary of a written file: the counts, and the entries removed when an import
// replaced lists as a whole (other imports report none and read as before); a page's own wording of
// a file written whole (resultText), which leaves refused and partial files to the dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import ImportDialog from '../ImportDialog.vue'

const fetchMock = vi.fn()

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

/** Opens the dialog, uploads a file answered with `report`, and gives the summary's text. */
async function summaryOf(report: Record<string, unknown>, extra: Record<string, unknown> = {}, status = 200): Promise<string> {
  const w = mount(ImportDialog, {
    props: { modelValue: true, what: '保安员', importPath: '/api/v1/security/import', templatePath: '/api/v1/security/import-template', ...extra },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.xlsx')], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(report), { status, headers: { 'Content-Type': 'application/json' } }))
  document.querySelector<HTMLElement>('[data-test="import-start"]')!.click()
  await flushPromises()
  const text = document.querySelector('[data-test="import-summary"]')?.textContent?.trim() ?? ''
  w.unmount()
  return text
}

const written = { rows: 4, created: 2, updated: 1, failed: 0, applied: true, errors: [] }

describe('ImportDialog', () => {
  it('says how many stored entries an import removed', async () => {
    expect(await summaryOf({ ...written, removed: 3 })).toBe('导入完成：新增 2 条，更新 1 条，删除 3 条')
    i18n.global.locale.value = 'en-US'
    expect(await summaryOf({ ...written, removed: 1 })).toBe('Imported: 2 created, 1 updated, 1 removed')
  })

  it('says nothing of removal when none was removed or the report has no such count', async () => {
    expect(await summaryOf({ ...written, removed: 0 })).toBe('导入完成：新增 2 条，更新 1 条')
    expect(await summaryOf(written)).toBe('导入完成：新增 2 条，更新 1 条')
  })

  it('keeps the partial summary as it was, removal or not', async () => {
    expect(await summaryOf({ ...written, failed: 1, removed: 2, errors: [{ row: 3, column: '姓名', reason: '必填' }] })).toBe(
      '已写入正确的行：新增 2 条，更新 1 条；1 行有错误未写入',
    )
  })

  it('words a file written whole as the page asks, and leaves a refused or partial file to the dialog', async () => {
    const resultText = (r: { created: number; removed?: number }) => `导入完成：写入 ${r.created} 人，替换 ${r.removed ?? 0} 人`
    expect(await summaryOf({ ...written, removed: 3 }, { resultText })).toBe('导入完成：写入 2 人，替换 3 人')
    const errors = [{ row: 3, column: '名单', reason: '须为 应急指挥体系 或 最小应急单元' }]
    expect(await summaryOf({ ...written, failed: 1, applied: false, errors }, { resultText }, 422)).toBe('共 1 行有错误，未写入任何数据，请修改后重新导入')
    expect(await summaryOf({ ...written, failed: 1, errors }, { resultText })).toBe('已写入正确的行：新增 2 条，更新 1 条；1 行有错误未写入')
  })

  it('leaves the upload to the page when it posts the file itself, and shows its answer', async () => {
    const upload = vi.fn(async () => ({ ...written, created: 1, updated: 2, rows: 3 }))
    const resultText = (r: { rows: number; created: number; updated: number }) => `导入完成：共 ${r.rows} 行，${r.created} 人为重点岗位人员，其他 ${r.updated} 人`
    expect(await summaryOf({}, { upload, resultText })).toBe('导入完成：共 3 行，1 人为重点岗位人员，其他 2 人')
    expect(upload).toHaveBeenCalledWith(expect.any(File))
    expect(fetchMock).not.toHaveBeenCalled()
    const refused = vi.fn(async () => ({ ...written, applied: false, failed: 1, errors: [{ row: 2, column: '姓名', reason: '姓名不能为空' }] }))
    expect(await summaryOf({}, { upload: refused, resultText })).toBe('共 1 行有错误，未写入任何数据，请修改后重新导入')
  })
})
