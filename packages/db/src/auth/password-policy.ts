import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;
/** The shipped list (common-passwords.txt), read on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/**
 * Why a new password is refused, or null (OWASP ASVS 2.1: at least 12 characters, not a known common password).
 * A common password padded with digits or symbols ("sunshine2024!") counts as that password.
 */
export function passwordProblem(password: string, options: { email?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${password.length}).`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const base = lower.replace(/[\d\W_]+$/, '').replace(/^[\d\W_]+/, '');
  const list = commonPasswords();
  if (list.has(lower) || (base.length >= 6 && list.has(base)))
    return 'The password is in the list of common passwords; choose another.';
  if (new Set(lower).size <= 2) return 'The password repeats one or two characters; choose another.';
  const local = options.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'The password must not contain the email name.';
  return null;
}
