import { describe, expect, it } from 'vitest';
import { capsFor, caseloadStanding, DEFAULT_CASELOAD_CAPS, mayAssign } from './caseload.ts';

describe('caseload caps', () => {
  it('scales the average by FTE and keeps the hard maximum per person', () => {
    expect(capsFor(1, DEFAULT_CASELOAD_CAPS)).toEqual({ target: 20, hardMax: 25 });
    expect(capsFor(0.5, DEFAULT_CASELOAD_CAPS)).toEqual({ target: 10, hardMax: 25 });
    expect(capsFor(0.75, DEFAULT_CASELOAD_CAPS)).toEqual({ target: 15, hardMax: 25 });
  });

  it('is under below the target, at from the target to the hard maximum, over past it', () => {
    expect(caseloadStanding(19, 1, DEFAULT_CASELOAD_CAPS)).toBe('under');
    expect(caseloadStanding(20, 1, DEFAULT_CASELOAD_CAPS)).toBe('at');
    expect(caseloadStanding(25, 1, DEFAULT_CASELOAD_CAPS)).toBe('at');
    expect(caseloadStanding(26, 1, DEFAULT_CASELOAD_CAPS)).toBe('over');
    expect(caseloadStanding(10, 0.5, DEFAULT_CASELOAD_CAPS)).toBe('at');
  });

  it('refuses the 26th person under the default hard maximum', () => {
    expect(mayAssign(24, DEFAULT_CASELOAD_CAPS)).toBe(true);
    expect(mayAssign(25, DEFAULT_CASELOAD_CAPS)).toBe(false);
  });
});
