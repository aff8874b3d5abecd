/** Where code asks for "now", so tests and scenario replay can control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put: `set` jumps, `advance` moves forward by milliseconds. */
export interface SettableClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function fixedClock(start: Date | string): SettableClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new Error(`fixedClock: invalid date ${String(start)}`);
  return {
    // A fresh Date each time, so callers cannot move the clock by mutating the result.
    now: () => new Date(current),
    set(date) {
      const next = new Date(date).getTime();
      if (Number.isNaN(next)) throw new Error(`fixedClock: invalid date ${String(date)}`);
      current = next;
    },
    advance(ms) {
      current += ms;
    },
  };
}
