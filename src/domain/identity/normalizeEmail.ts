/** Lower-cases and trims an email address so that approver lists compare case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
