/** A clock tests move by hand. */
export function testClock(start = new Date('2026-05-01T12:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(milliseconds: number) {
      now += milliseconds;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
