import { CircuitBreaker } from './circuit-breaker';
import {
  BookingSystemCircuitOpenError,
  BookingSystemRequestError,
  BookingSystemUnavailableError,
} from './errors';

describe(CircuitBreaker.name, () => {
  let now = 0;
  const breaker = () =>
    new CircuitBreaker('TIMMI', { failureThreshold: 3, cooldownMs: 60_000, now: () => now });
  const down = () => Promise.reject(new BookingSystemUnavailableError('TIMMI', 'down'));

  beforeEach(() => (now = 1_000_000));

  it('opens after consecutive failures and refuses calls at once while open', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++)
      await expect(b.call(down)).rejects.toBeInstanceOf(BookingSystemUnavailableError);
    expect(b.isOpen).toBe(true);
    let called = false;
    await expect(b.call(() => ((called = true), Promise.resolve(1)))).rejects.toBeInstanceOf(
      BookingSystemCircuitOpenError,
    );
    expect(called).toBe(false);
  });

  it('lets a trial call through after the cool-down, and closes on success', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await b.call(down).catch(() => undefined);
    now += 60_001;
    expect(b.isOpen).toBe(false);
    expect(await b.call(() => Promise.resolve('ok'))).toBe('ok');
    await b.call(down).catch(() => undefined);
    expect(b.isOpen).toBe(false);
  });

  it('does not count refusals (4xx): the system is up', async () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) {
      await b
        .call(() => Promise.reject(new BookingSystemRequestError('TIMMI', 'no', 400)))
        .catch(() => undefined);
    }
    expect(b.isOpen).toBe(false);
  });
});
