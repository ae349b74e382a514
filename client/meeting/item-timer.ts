/** The current item's timer, as everyone in the meeting sees it. */
export interface ItemTimer {
  /** "03:12 of 10 min" */
  text: string;
  /** How far over time, as "02:30", or null while within it. */
  overrun: string | null;
}

function minutesAndSeconds(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Computed from when the timer started, so every client shows the same time without anyone sending ticks. */
export function itemTimer(startedAt: string, minutesAllotted: number, now: number = Date.now()): ItemTimer {
  const elapsed = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const allotted = minutesAllotted * 60;
  return {
    text: `${minutesAndSeconds(elapsed)} of ${minutesAllotted} min`,
    overrun: elapsed > allotted ? minutesAndSeconds(elapsed - allotted) : null,
  };
}
