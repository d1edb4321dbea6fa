export default {
  notFoundTitle: 'Not found',
  notFoundText: 'The page or record does not exist, or is outside your scope.',
  forbiddenTitle: 'Forbidden',
  forbiddenText: 'Your roles do not include this function. Ask the system administrator.',
  backHome: 'Back to home',
}
