import { eventually } from './eventually';

describe('waiting for an asynchronous reaction', () => {
  it('hands back what the check returned once it holds', async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls += 1;
      if (calls < 3) throw new Error('not yet');
      return { calls };
    });
    expect(value).toEqual({ calls: 3 });
  });

  it('keeps polling while a condition answers false', async () => {
    let calls = 0;
    await expect(eventually(() => (calls += 1) >= 3, { until: 'three calls were made' })).resolves.toBe(true);
    expect(calls).toBe(3);
  });

  it("fails with the check's last failure, so an assertion says what was wrong", async () => {
    let calls = 0;
    const failure = await eventually(
      () => {
        calls += 1;
        throw new Error(`still wrong after ${calls} tries`);
      },
      { timeoutMs: 50 },
    ).catch((error: Error) => error);
    expect(failure).toEqual(new Error(`still wrong after ${calls} tries`));
    expect(calls).toBeGreaterThan(1);
  });

  it('names what it waited for when a condition never held', async () => {
    await expect(eventually(() => false, { until: 'the event is delivered', timeoutMs: 30 })).rejects.toThrow('timed out after 30 ms waiting until the event is delivered');
  });
});
