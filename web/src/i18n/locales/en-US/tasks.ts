// My tasks on the home page, and the supervision steps on a hazard's timeline.
export default {
  title: 'My tasks',
  loading: 'Loading tasks…',
  none: 'Nothing to do',
  count: '{n}',
  overdue: '{n} overdue',
  overdueItem: 'Overdue',
  due: 'Due {date}',
  all: 'View all',
  idle: 'Nothing to do for:',
  error: 'The tasks could not be loaded',
  retry: 'Retry',
  auditor: 'Audit administrator: review recent sensitive operations and the log chain check in the audit log',
  auditLink: 'Open the audit log',
  supervisionClosed: ' (supervision order closed)',
  event: {
    supervision_reply: 'School replied to the supervision order',
    supervision_close: 'Supervision order closed',
  },
}
