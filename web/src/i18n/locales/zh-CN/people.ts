// Choosing and naming people (PersonPicker).
export default {
  ownerHint: '从本校在岗人员中按姓名选择，可输入姓名或账号查找',
  placeholder: '按姓名或账号查找人员',
  none: '没有找到在岗人员',
}
