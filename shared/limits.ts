/** One definition of each size limit, shared by the API, validation and forms. */
export const LIMITS = {
  /** Largest JSON body the API reads, in bytes. */
  jsonBodyBytes: 64 * 1024,
  emailLength: 254,
  passwordLength: 200,
  meetingTitleLength: 200,
  locationLength: 200,
  /** Earliest start a meeting may be scheduled for (UTC); calendar files cannot hold dates before 1970. */
  earliestMeetingStart: '2000-01-01T00:00:00.000Z',
  /** Latest start a meeting may be scheduled for (UTC). */
  latestMeetingStart: '2100-12-31T23:59:59.999Z',
} as const;

const MiB = 1024 * 1024;

/** Limits of the live (Yjs) connection; the figures behind each choice are in its comment. */
export const REALTIME_LIMITS = {
  /**
   * Largest message a peer may send, in bytes (larger ones close the socket,
   * 1009). The largest honest message is a client's whole offline diff sent
   * as one sync step 2: a meeting at its 1,000,000-character cap typed in
   * ordinary runs measures about 2.2 bytes per character (ASCII with some
   * accents), so at most ~4 MB even in three-byte scripts. Twice that leaves
   * room for edit history, and is still half a document (`documentBytes`).
   * Oversized content of kinds we never use is refused by kind, not by size.
   */
  messageBytes: 8 * MiB,
  /**
   * Most a document may take in storage, snapshot plus logged updates, in
   * bytes; an update that would take it further is refused as "full". A
   * meeting at its character cap is ~2–4 MB; this leaves four times that for
   * the tombstones of a long, busy editing history, and keeps a load (the
   * whole document in memory, once per open room) cheap.
   */
  documentBytes: 16 * MiB,
  /**
   * Live sockets one user may hold open at once: a few tabs, each with a
   * meeting and an action log, is well under this; dozens is a bug or abuse.
   */
  socketsPerUser: 24,
  /**
   * Bytes the server may hold queued for one peer before it is dropped, checked
   * before each send. Above the sync of a meeting at its character cap, so a
   * slow but reading client is not dropped by the edits that arrive while it
   * downloads; a peer that stops reading costs at most this plus one message.
   */
  socketBufferedBytes: 8 * MiB,
  /** Largest presence (awareness) state of one client, as JSON; real ones are a name and what is being edited. */
  presenceStateBytes: 16 * 1024,
  /** Presence client ids one socket may speak for; y-websocket uses one for the life of a socket. */
  presenceClientsPerSocket: 4,
} as const;
