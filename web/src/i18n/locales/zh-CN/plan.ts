// 规范落实年看板: the plan board (views/plan/).
export default {
  menu: {
    board: '规范落实年看板',
  },
  date: '看板日期',
  summary: '学校 {schools} 所 · 已有规则的措施 {rules} 项 · 有学校未达标的措施 {failing} 项',
  intro:
    '规范落实年方案的 8 项行动、21 项措施在所选日期所在周期的落实情况：每项措施下各条按学校判定的规则的学校达标情况和达标率（达标学校占适用学校的比例），以及未达标或待完成的学校数。尚无规则的措施标为“暂无规则”。',
  /** 行动 1 学校安全责任压实行动 */
  action: '行动 {n} {title}',
  /** 措施 13 强化消防实战型应急演练 */
  measure: '措施 {n} {title}',
  failing: '未达标或待完成 {n} 所 / 已判定 {judged} 所',
  failingShare: '占 {p}',
  openFailing: '查看未达标学校',
  closeFailing: '收起未达标学校',
  noRules: '暂无规则',
  passShare: '达标率',
  recordRules: '按记录判定的规则：',
  listSeparator: '、',
  findings: {
    title: '措施 {n} 未达标与待完成的学校',
    count: '共 {n} 条',
    none: '所选日期所在周期，所有学校均已达标或不适用',
    records: '依据',
    open: '查看依据',
    openOf: '查看依据：{school}，{rule}',
  },
  records: {
    title: '判定依据：{school} · {rule}',
    heading: '依据的记录',
    none: '没有记录：该周期尚未登记',
    recordN: '记录 {id}',
    list: '查看{school}在该周期的演练记录',
    versions: '版本',
  },
  trend: {
    title: '月度趋势',
    mode: '趋势口径',
    byMeasure: '各措施未达标学校数',
    byShare: '总体未达标占比',
    /** 3月 */
    month: '{n}月',
    measuresTitle: '{year}年各措施未达标或待完成的学校数',
    shareTitle: '{year}年未达标或待完成的占比（全部措施）',
    measureSeries: '措施 {n}',
    shareSeries: '未达标占比',
    unavailable: '月度趋势暂不可用',
  },
}
