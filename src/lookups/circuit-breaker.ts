/**
 * Stops calling a failing service for a while: after `threshold` consecutive failures the circuit
 * opens for `cooldownMs`; then one trial call is let through (half-open) and its outcome decides.
 * Saves every user a 2-second timeout while a remote service is down.
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;
  #trialRunning = false;

  constructor(
    private readonly threshold = 3,
    private readonly cooldownMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may go out now. In half-open state only one caller gets `true`. */
  allow(): boolean {
    if (this.#failures < this.threshold) return true;
    if (this.now() < this.#openUntil || this.#trialRunning) return false;
    this.#trialRunning = true;
    return true;
  }

  succeeded(): void {
    this.#failures = 0;
    this.#trialRunning = false;
  }

  failed(): void {
    this.#failures++;
    this.#trialRunning = false;
    if (this.#failures >= this.threshold) this.#openUntil = this.now() + this.cooldownMs;
  }

  get state(): "closed" | "open" | "half-open" {
    if (this.#failures < this.threshold) return "closed";
    return this.now() < this.#openUntil ? "open" : "half-open";
  }
}
