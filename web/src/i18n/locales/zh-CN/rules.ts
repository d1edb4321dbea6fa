// 规则目录: the rules engine's catalog (views/rules/).
export default {
  intro: '各业务模块登记的检查规则：所属措施、判定周期、依据和现行参数。参数在各模块的配置页修改，本页只读。',
  field: {
    id: '规则编号',
    rule: '规则',
    measure: '措施',
    period: '判定周期',
    params: '参数（现行值）',
    source: '依据',
    configure: '配置',
  },
  /** 措施 8 提升隐患整改质量 */
  measureLabel: '措施 {n} {name}',
  measureNumber: '措施 {n}',
  /** After a value that differs from its default: 2 天（默认 7）. */
  defaultWas: '（默认 {n}）',
  /** Between a parameter's label and its value. */
  colon: '：',
  noParams: '无可配置参数',
  configure: '去配置',
  /** The link's name for a screen reader: the visible text, then the rule. */
  configureRule: '去配置：{title}',
  emptyMeasure: '该措施的规则尚未上线',
  list: '规则列表',
  /** The plan's 21 measures (规范落实年方案), in order: measure 1 first. */
  measures: [
    '压实学校安全主体责任',
    '细化教育部门监管责任',
    '齐抓共管',
    '三防 / 四个100%',
    '学校吹哨、部门报到',
    '优化隐患排查方式',
    '隐患动态清零',
    '提升隐患整改质量',
    '防溺水宣传教育',
    '联防联控',
    '火灾隐患排查',
    '生命通道',
    '消防应急演练',
    '校内交通',
    '校园周边交通',
    '接送学生车辆',
    '安全监管能力培训',
    '监管机构和队伍建设',
    '应急处置机制',
    '1530 教育提醒',
    '安全教育形式',
  ],
}
