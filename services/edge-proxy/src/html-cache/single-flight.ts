/**
 * In-process single flight: concurrent callers for one key share the first caller's work.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  /** Runs `work` unless a call for `key` is already running; `leader` tells the caller which it was. */
  run(key: string, work: () => Promise<T>): { promise: Promise<T>; leader: boolean } {
    const running = this.flights.get(key);
    if (running) return { promise: running, leader: false };
    const promise = work().finally(() => {
      if (this.flights.get(key) === promise) this.flights.delete(key);
    });
    this.flights.set(key, promise);
    return { promise, leader: true };
  }

  has(key: string): boolean {
    return this.flights.has(key);
  }

  get size(): number {
    return this.flights.size;
  }
}
