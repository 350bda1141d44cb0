import { describe, expect, it } from 'vitest';
import { goalChanges } from './plan.ts';

const goal = {
  goal: 'A room of my own',
  needs: ['shelter_housing', 'id_documents'] as const,
  status: 'not_started' as const,
};

describe('goalChanges', () => {
  it('makes one event per thing that changed, in a fixed order', () => {
    expect(
      goalChanges(
        { ...goal, needs: [...goal.needs] },
        { status: 'in_progress', goal: 'Any safe room', needs: ['shelter_housing'] },
      ),
    ).toEqual([
      { event: 'status_changed', fromStatus: 'not_started', toStatus: 'in_progress' },
      { event: 'reworded', goal: 'Any safe room' },
      { event: 'needs_changed', needs: ['shelter_housing'] },
    ]);
  });

  it('makes none when nothing changed (same status, same words, same needs in another order)', () => {
    expect(
      goalChanges(
        { ...goal, needs: [...goal.needs] },
        {
          status: 'not_started',
          goal: 'A room of my own',
          needs: ['id_documents', 'shelter_housing', 'id_documents'],
        },
      ),
    ).toEqual([]);
  });

  it('lets a set-aside goal be taken up again: the plan is the person’s', () => {
    expect(goalChanges({ ...goal, needs: [], status: 'set_aside' }, { status: 'in_progress' })).toEqual([
      { event: 'status_changed', fromStatus: 'set_aside', toStatus: 'in_progress' },
    ]);
  });
});
