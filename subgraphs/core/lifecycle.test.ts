import { Lifecycle } from './lifecycle';

describe(Lifecycle.name, () => {
  it('stops what was started newest first, going on past a step that fails to stop', async () => {
    const stopped: string[] = [];
    const lines: string[] = [];
    const life = new Lifecycle((line) => lines.push(line));
    life.started('database', async () => void stopped.push('database'));
    life.started('subgraph', async () => {
      throw new Error('stuck');
    });
    life.started('gateway', async () => void stopped.push('gateway'));
    await life.stop();
    expect(stopped).toEqual(['gateway', 'database']);
    expect(lines).toContain('  could not stop subgraph: Error: stuck');
    await life.stop();
    expect(stopped).toEqual(['gateway', 'database']);
  });

  it('stops what a failed start-up had started, and rethrows', async () => {
    const stopped: string[] = [];
    const life = new Lifecycle();
    await expect(
      life.startUp(async () => {
        life.started('pool', async () => void stopped.push('pool'));
        throw new Error('port in use');
      }),
    ).rejects.toThrow('port in use');
    expect(stopped).toEqual(['pool']);
  });
});
