export default {
  changePassword: '修改密码',
  secondFactor: '双因素认证',
  sessions: '登录会话',
  tokens: 'API 令牌',
  logout: '退出登录',
  logoutConfirm: '确定退出登录吗？',
}
