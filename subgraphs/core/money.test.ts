import { compareMoney, fromCents, sumMoney, toCents } from './money';

describe('money', () => {
  it('adds awkward amounts exactly', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['9999999.99', '0.01'])).toBe('10000000.00');
    expect(sumMoney(['0.1', '0.2', '0.3'])).toBe('0.60');
    expect(sumMoney([])).toBe('0.00');
  });

  it('reads and writes cents both ways, negatives included', () => {
    expect(toCents('9999999.99')).toBe(999999999n);
    expect(toCents('5')).toBe(500n);
    expect(fromCents(-1005n)).toBe('-10.05');
    expect(() => toCents('1,5')).toThrow(TypeError);
  });

  it('compares without floats', () => {
    expect(compareMoney('9999999.99', '9999999.98')).toBe(1);
    expect(compareMoney('0.30', '0.3')).toBe(0);
    expect(compareMoney('0.10', '0.2')).toBe(-1);
  });
});
