// 规则目录: the rules engine's catalog (views/rules/).
export default {
  intro:
    '各业务模块登记的检查规则：所属措施、判定周期、依据和现行参数。隐患规则在“隐患规则”页配置；其他规则的参数由教育局在本页修改，每次修改生成新的参数版本，此后的判定按新版本执行。',
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
  /** The version of the values in force (engine rules). */
  paramsVersion: '参数第 {n} 版',
  paramsDefault: '默认参数',
  editParams: '编辑参数',
  editParamsRule: '编辑参数：{title}',
  history: '版本记录',
  historyRule: '版本记录：{title}',
  dialog: {
    intro: '保存后生成新的参数版本；已有的判定结果保留原版本，此后的判定（包括“重新判定”）按新版本执行。',
    range: '可填 {min}–{max}{unit}',
    defaultValue: '默认 {n}',
    note: '修改说明',
    notePlaceholder: '可选：修改的原因或依据',
    history: '版本记录',
    noHistory: '尚未修改过，现行为默认参数',
    versionN: '第 {n} 版',
    saved: '已保存为参数第 {n} 版',
    unchanged: '参数没有变化',
    required: '请填写 {min}–{max} 之间的整数',
  },
  /** Outcomes of a finding (the findings carry their own label; the board counts need these). */
  outcome: {
    pass: '达标',
    due: '待完成',
    fail: '未达标',
    warn: '提醒',
    na: '不适用',
    unjudged: '未评估',
  },
  finding: {
    versions: '规则第 {rule} 版 · 参数第 {params} 版',
    versionsDefault: '规则第 {rule} 版 · 参数第 0 版（默认值）',
  },
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
