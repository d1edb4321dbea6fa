export default {
  changePassword: 'Change password',
  secondFactor: 'Second factor',
  sessions: 'Sessions',
  tokens: 'API tokens',
  logout: 'Log out',
  logoutConfirm: 'Log out now?',
}
