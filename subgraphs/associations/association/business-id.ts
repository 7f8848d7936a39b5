/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit.
 * Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives check digit 0, remainder 1 is never
 * issued, otherwise the check digit is 11 minus the remainder.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

export function businessIdCheckDigit(sevenDigits: string): number | null {
  const sum = [...sevenDigits].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

export type BusinessIdProblem = 'FORMAT' | 'CHECK_DIGIT';

/** Returns what is wrong with a business ID, or null when it is valid. */
export function businessIdProblem(value: string): BusinessIdProblem | null {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return 'FORMAT';
  return businessIdCheckDigit(match[1]) === Number(match[2]) ? null : 'CHECK_DIGIT';
}
