import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders its host every second while `isRunning()` says a clock is showing, and not otherwise. */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly isRunning: () => boolean,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const running = this.isRunning();
    if (running && this.timer === undefined) {
      this.timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
    } else if (!running) {
      this.stop();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
