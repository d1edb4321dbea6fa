// Stored files (photos, evidence, documents): uploaded once with POST /api/v1/files, then
// attached by id to a record (a hazard report, a workflow step) and read back with the session
// cookie. Types follow the server's JSON (src/http/json/hazard_json.cpp).
import { request } from './http'

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

export const filesApi = {
  /** Uploads one photo or document (JPEG/PNG/WebP/PDF, ≤ 20 MB) before it is attached to a step. */
  upload: (file: Blob, name: string) =>
    request<StoredFile>('POST', '/api/v1/files', {
      query: { name },
      raw: file,
      contentType: file.type || 'application/octet-stream',
    }),
  url: (id: number) => `/api/v1/files/${id}`,
}
