// The screening in progress survives a reload: it is written to the device on every change and
// cleared when it is submitted (it then lives on in the outbox until the server has it).
import { useCallback, useState } from 'react';
import { readStored, STORAGE_KEYS, writeStored } from '../../storage.ts';
import { type Draft, newDraft } from './draft.ts';

function readDraft(userId: string, siteId: string): Draft | undefined {
  try {
    const parsed = JSON.parse(readStored(STORAGE_KEYS.screenDraft) ?? 'null') as Draft | null;
    return parsed?.version === 1 && parsed.userId === userId && parsed.siteId === siteId ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEYS.screenDraft);
  } catch {
    // nothing stored
  }
}

export function useDraft(userId: string, siteId: string) {
  const [draft, setDraft] = useState<Draft>(
    () => readDraft(userId, siteId) ?? newDraft(userId, siteId, new Date()),
  );
  const update = useCallback((change: Partial<Draft>) => {
    setDraft((current) => {
      const next = { ...current, ...change };
      writeStored(STORAGE_KEYS.screenDraft, JSON.stringify(next));
      return next;
    });
  }, []);
  const restart = useCallback(() => {
    clearDraft();
    setDraft(newDraft(userId, siteId, new Date()));
  }, [userId, siteId]);
  return { draft, update, restart };
}
