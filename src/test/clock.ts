// A clock tests can set, so time-dependent rules are tested without sleeping.
export class TestClock {
  constructor(private current = new Date('2026-05-15T10:00:00Z')) {}
  now = (): Date => new Date(this.current);
  set(value: Date | string): void {
    this.current = new Date(value);
  }
}
