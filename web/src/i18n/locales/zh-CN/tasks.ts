// 我的待办 on the home page, and the supervision steps on a hazard's timeline.
export default {
  title: '我的待办',
  loading: '正在加载待办…',
  none: '暂无待办',
  count: '{n} 项',
  overdue: '超期 {n}',
  overdueItem: '超期',
  due: '期限 {date}',
  all: '查看全部',
  idle: '以下事项暂无待办：',
  error: '待办加载失败',
  retry: '重试',
  auditor: '审计管理员的待办：请在审计日志中查看近期敏感操作与日志链校验',
  auditLink: '打开审计日志',
  supervisionClosed: '（督办单已办结）',
  event: {
    supervision_reply: '学校回复督办单',
    supervision_close: '督办单办结',
  },
}
