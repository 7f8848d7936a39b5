import { HtmlValidate } from 'html-validate';

/** HTML documents checked by html-validate (an independent HTML5 validator), standard rules. */
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/** Every problem html-validate finds in a whole document, as "rule: message" lines. */
export async function htmlProblems(document: string): Promise<string[]> {
  const report = await validator.validateString(document);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}
