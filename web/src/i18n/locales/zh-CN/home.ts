export default {
  hello: '您好，{name}',
  scope: '数据范围：{unit}',
  generated: '统计时间 {at}',
  share: '占 {p}%',
  byStage: '学校按学段',
  byLocation: '学校按所在地类型',
  noSchoolData: '您的角色不查看学校数据',
  report: '上报隐患',
  card: {
    total: '学校总数',
    boarding: '寄宿制学校',
  },
}
