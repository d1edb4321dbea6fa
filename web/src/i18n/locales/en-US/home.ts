export default {
  hello: 'Hello, {name}',
  scope: 'Scope: {unit}',
  generated: 'As of {at}',
  share: '{p}% of all',
  byStage: 'Schools by stage',
  byLocation: 'Schools by location type',
  noSchoolData: 'Your roles do not include school data',
  report: 'Report a hazard',
  card: {
    total: 'Schools',
    boarding: 'Boarding schools',
  },
}
