/**
 * Copies of meeting documents kept in this browser's IndexedDB, so that edits
 * made offline survive a reload. They hold confidential minutes, so each is
 * named for the user it belongs to (someone else signing in on this browser
 * never sends another person's offline edits) and all are wiped on sign-out.
 */
const PREFIX = 'quorum-meeting:';
/** Names of local copies, for browsers without `indexedDB.databases()`. */
const TRACKED_KEY = 'quorum.localMeetingCopies';

/** The IndexedDB database holding this user's copy of a document. */
export function localCopyName(userId: number, docName: string): string {
  return `${PREFIX}${userId}:${docName}`;
}

function trackedNames(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(TRACKED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberLocalCopy(name: string): void {
  const names = trackedNames();
  if (names.includes(name)) return;
  try {
    localStorage.setItem(TRACKED_KEY, JSON.stringify([...names, name]));
  } catch {
    // Storage full or blocked: indexedDB.databases() still finds it.
  }
}

/** Resolves once the database is gone; open connections delay it until they close. */
export function deleteLocalCopy(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    // Nothing more can be done from here; not worth failing sign-out over.
    request.onerror = () => resolve();
  });
}

/** Every local meeting copy in this browser, whoever it belonged to. */
export async function listLocalCopies(): Promise<string[]> {
  const names = new Set(trackedNames());
  try {
    for (const { name } of await indexedDB.databases()) if (name?.startsWith(PREFIX)) names.add(name);
  } catch {
    // Not supported: the tracked names are all we know.
  }
  return [...names];
}

/** Deletes every local meeting copy. Call once the meeting pages have closed theirs. */
export async function wipeLocalMeetingCopies(): Promise<void> {
  const names = await listLocalCopies();
  await Promise.all(names.map(deleteLocalCopy));
  try {
    localStorage.removeItem(TRACKED_KEY);
  } catch {
    // see rememberLocalCopy
  }
}
