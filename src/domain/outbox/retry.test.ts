import { describe, expect, it } from 'vitest';
import { describeFailure, retryDelayMilliseconds } from './retry.ts';

describe('retryDelayMilliseconds', () => {
  it('waits 30 s after the first failure, doubling, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMilliseconds)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMilliseconds(8)).toBe(3_600_000);
    expect(retryDelayMilliseconds(500)).toBe(3_600_000);
  });
});

describe('describeFailure', () => {
  it('keeps neither the body nor the recipient, on one short line', () => {
    const error = new Error('550 rejected <pat@example.test>:\nMeet at the clinic at 3');
    const text = describeFailure(error, ['pat@example.test', 'Meet at the clinic at 3']);
    expect(text).toBe('Error: 550 rejected <[redacted]>: [redacted]');
    expect(describeFailure(new Error('x'.repeat(1000)), []).length).toBe(200);
  });
});
