/** One definition of each size limit, shared by the API, validation and forms. */
export const LIMITS = {
  /** Largest JSON body the API reads, in bytes. */
  jsonBodyBytes: 64 * 1024,
  emailLength: 254,
  passwordLength: 200,
  meetingTitleLength: 200,
  locationLength: 200,
} as const;
