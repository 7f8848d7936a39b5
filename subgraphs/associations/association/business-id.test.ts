import { businessIdCheckDigit, businessIdProblem } from './business-id';

describe('businessIdProblem', () => {
  it.each(['0112038-9', '1572860-0', '0201256-6', '2617416-4'])(
    'accepts the real business ID %s',
    (id) => {
      expect(businessIdProblem(id)).toBeNull();
    },
  );

  it('rejects a wrong check digit', () => {
    expect(businessIdProblem('0112038-8')).toBe('CHECK_DIGIT');
  });

  it.each(['112038-9', '01120389', '0112038-', 'abcdefg-1', ' 0112038-9'])(
    'rejects the malformed %j',
    (id) => {
      expect(businessIdProblem(id)).toBe('FORMAT');
    },
  );

  it('never issues numbers whose remainder is 1', () => {
    // 7*0+9*0+10*0+5*0+8*0+4*0+2*6 = 12, remainder 1.
    expect(businessIdCheckDigit('0000006')).toBeNull();
    expect(businessIdProblem('0000006-0')).toBe('CHECK_DIGIT');
  });
});
