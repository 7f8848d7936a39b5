import { MemoryCostBudgetStore } from './cost-budget.store';

const perMinute = (capacity: number) => ({ capacity, refillPerMs: capacity / 60_000 });

describe(MemoryCostBudgetStore.name, () => {
  let clock = 0;
  let store: MemoryCostBudgetStore;
  beforeEach(() => {
    clock = 1_000_000;
    store = new MemoryCostBudgetStore(60_000, () => clock);
  });
  afterEach(() => store.close());

  it('takes each query’s cost from a full bucket and refuses what the rest cannot pay', async () => {
    const bucket = perMinute(1000);
    expect(await store.spend('ip:a', 600, bucket)).toEqual({ granted: true, remaining: 400 });
    expect(await store.spend('ip:a', 500, bucket)).toEqual({ granted: false, remaining: 400 });
    // A refusal costs nothing: a cheaper query still fits.
    expect(await store.spend('ip:a', 400, bucket)).toEqual({ granted: true, remaining: 0 });
  });

  it('refills continuously, a minute’s budget per minute, never above the capacity', async () => {
    const bucket = perMinute(6000);
    await store.spend('ip:a', 6000, bucket);
    clock += 1000; // a second: 100
    expect(await store.spend('ip:a', 0, bucket)).toEqual({ granted: true, remaining: 100 });
    clock += 10 * 60_000;
    expect(await store.spend('ip:a', 1, bucket)).toEqual({ granted: true, remaining: 5999 });
  });

  it('keeps one bucket per client', async () => {
    const bucket = perMinute(1000);
    await store.spend('ip:a', 1000, bucket);
    expect(await store.spend('ip:b', 1000, bucket)).toEqual({ granted: true, remaining: 0 });
    expect((await store.spend('ip:a', 1, bucket)).granted).toBe(false);
  });

  it('forgets buckets that have filled up again', async () => {
    const bucket = perMinute(1000);
    await store.spend('ip:a', 1000, bucket);
    await store.spend('ip:b', 10, bucket);
    clock += 30_000;
    store.sweep();
    expect(store.size).toBe(1); // ip:a is half full, ip:b full again
    clock += 30_000;
    store.sweep();
    expect(store.size).toBe(0);
  });
});
