// The user's notifications (the bell in the top bar): what rules and workflow steps sent them,
// with the record they are about (object_type, object_id).
import { http, type Page } from './http'

export interface Notification {
  id: number
  kind: string
  title: string
  body: string
  object_type: string
  object_id: string
  created_at: string
  read_at: string | null
}

export interface NotificationPage extends Page<Notification> {
  unread: number
}

export interface NotificationQuery {
  unread?: boolean
  page?: number
  page_size?: number
}

export const notificationsApi = {
  list: (query: NotificationQuery = {}) => http.get<NotificationPage>('/api/v1/notifications', { ...query }),
  read: (id: number) => http.post<{ changed: number }>(`/api/v1/notifications/${id}/read`),
  readAll: () => http.post<{ changed: number }>('/api/v1/notifications/read-all'),
}
