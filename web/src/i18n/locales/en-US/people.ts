// Choosing and naming people (PersonPicker).
export default {
  ownerHint: 'Choose from the school\'s active staff; type a name or an account to find them',
  placeholder: 'Find a person by name or account',
  none: 'No active staff found',
}
