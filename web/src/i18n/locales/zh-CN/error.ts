export default {
  notFoundTitle: '页面不存在',
  notFoundText: '您访问的页面或记录不存在，或不在您的管辖范围内。',
  forbiddenTitle: '无权访问',
  forbiddenText: '您的角色没有使用此功能的权限，如需使用请联系系统管理员。',
  backHome: '返回首页',
}
