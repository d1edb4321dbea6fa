// Stored files (photos, evidence, documents): uploaded once with POST /api/v1/files, then
// attached by id to a record (a hazard report, a workflow step) and read back with the session
// cookie. Types follow the server's JSON (src/http/json/hazard_json.cpp).
import { request, requestWithProgress, type ProgressHandler } from './http'

export interface StoredFile {
  id: number
  name: string
  content_type: string
  size: number
  sha256: string
  uploaded_by?: string
  uploaded_at?: string
  hazard_id?: number | null
  /** GET it with the session cookie (img src, preview). */
  url: string
}

/** Whether a stored file is shown as a picture (else as a document link). */
export function isImage(f: Pick<StoredFile, 'content_type'>): boolean {
  return f.content_type.startsWith('image/')
}

/** The server's limit per file, in MB (MiB, as the server counts): it refuses a bigger one with 422. */
export const MAX_UPLOAD_MB = 20
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024

export const filesApi = {
  /**
   * Uploads one photo or document (JPEG/PNG/WebP/PDF, ≤ MAX_UPLOAD_MB) before it is attached to a
   * step. With `onProgress`, the share sent so far is reported in percent as the bytes go out.
   */
  upload: (file: Blob, name: string, onProgress?: ProgressHandler) => {
    const opts = { query: { name }, raw: file, contentType: file.type || 'application/octet-stream' }
    return onProgress
      ? requestWithProgress<StoredFile>('POST', '/api/v1/files', opts, onProgress)
      : request<StoredFile>('POST', '/api/v1/files', opts)
  },
  url: (id: number) => `/api/v1/files/${id}`,
}
