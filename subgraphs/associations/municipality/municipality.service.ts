import { MUNICIPALITIES, type Municipality } from '../../core/municipalities';
import { Validator } from '../../core/validation';

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** The municipality classification: static, so no repository and nothing to load. */
export class MunicipalityService {
  /**
   * Every municipality in code order, or those asked for, in the order asked. An unknown code
   * is the caller's mistake: it is named, rather than silently left out of the answer.
   */
  list(codes: readonly string[] | null | undefined): Municipality[] {
    if (!codes) return [...MUNICIPALITIES];
    const check = new Validator();
    codes.forEach((code, i) => {
      // Blank is "no code" where a code is optional; in a list of codes it is a mistake.
      if (!check.municipalityCode(`codes[${i}]`, code)) {
        check.problem(
          `codes[${i}]`,
          'REQUIRED',
          'must be a three-digit municipality code, e.g. "398"',
        );
      }
    });
    check.throwIfInvalid();
    return [...new Set(codes)].map((code) => BY_CODE.get(code)!);
  }

  /** One municipality, or null for a code that is none. */
  byCode(code: string): Municipality | null {
    return BY_CODE.get(code) ?? null;
  }
}
