// The client's quick check of a new password, mirroring the server's default policy (8+ chars,
// 3 of 4 classes, not containing the username). The server remains the judge.
export type PasswordProblem = 'empty' | 'short' | 'classes' | 'username'

export function checkPasswordStrength(password: string, username: string): PasswordProblem | null {
  if (!password) return 'empty'
  if ([...password].length < 8) return 'short'
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) return 'classes'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'username'
  return null
}
