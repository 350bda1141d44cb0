import { describe, expect, it } from 'vitest';
import { type AuditEntry, auditHashInput } from './audit-entry.ts';

const entry: AuditEntry = {
  occurredAt: new Date('2026-05-01T12:00:00.123Z'),
  userId: 'u1',
  role: 'admin',
  siteId: 's1',
  action: 'auth.login',
  resourceType: 'user',
  resourceId: 'u1',
  outcome: 'success',
  requestId: 'r1',
};

describe('auditHashInput', () => {
  it('changes when any field, the position or the previous hash changes', () => {
    const base = auditHashInput(1, entry, 'a');
    const variants = [
      auditHashInput(2, entry, 'a'),
      auditHashInput(1, entry, 'b'),
      ...(Object.keys(entry) as (keyof AuditEntry)[]).map((field) =>
        auditHashInput(1, { ...entry, [field]: field === 'occurredAt' ? new Date(0) : 'other' }, 'a'),
      ),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('cannot be forged by shifting text between fields', () => {
    expect(auditHashInput(1, { ...entry, action: 'a', resourceType: 'bc' }, 'x')).not.toBe(
      auditHashInput(1, { ...entry, action: 'ab', resourceType: 'c' }, 'x'),
    );
  });
});
