// A page's file downloads (导出, 下载模板), one at a time: runs the request, hands the file to the
// browser with the name the server gave it (`saveDownload`) and says so (已导出 <file>); a failure
// goes to `showError`. A call while one is running is ignored. Unit-tested in
// __tests__/useDownload.spec.ts.
//
//   const { downloading, download } = useDownload()
//   download(() => checklistsApi.export(id))          // → whether the file was saved
//
// A page with a button per row passes the row as `key` and shows the spinner where `active` is it.
import { ref, shallowRef, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { saveDownload, type Download } from '@/api/http'
import { i18n } from '@/i18n'
import { showError } from '@/utils/errors'

export interface DownloadOptions {
  /** Says 正在导出，请稍候… until the file arrives (exports that take a while). Default false. */
  progress?: boolean
  /** Says 已导出 <file> once it is saved. Default true. */
  announce?: boolean
}

export interface Downloader<K> {
  /** A download is running. */
  readonly downloading: Ref<boolean>
  /** The key of the running download (null when none, or none was given). */
  readonly active: Ref<K | null>
  /** Runs `run` and saves its file, unless a download is running; true when the file was saved. */
  download(run: () => Promise<Download>, key?: K): Promise<boolean>
}

export function useDownload<K = never>(options: DownloadOptions = {}): Downloader<K> {
  const { t } = i18n.global
  const downloading = ref(false)
  const active = shallowRef<K | null>(null)

  async function download(run: () => Promise<Download>, key?: K): Promise<boolean> {
    if (downloading.value) return false
    downloading.value = true
    active.value = key ?? null
    const note = options.progress ? ElMessage.info({ message: t('common.exportStarted'), duration: 0 }) : null
    try {
      const file = await run()
      saveDownload(file)
      if (options.announce ?? true) ElMessage.success(t('common.exported', { file: file.filename }))
      return true
    } catch (e) {
      showError(e)
      return false
    } finally {
      note?.close()
      downloading.value = false
      active.value = null
    }
  }

  return { downloading, active, download }
}
