// How long texts may be: the API refuses longer ones and the forms count towards the same
// limits, so nothing is cut silently and nothing is typed in vain.
export const TEXT_LIMITS = {
  /** Titles of objectives and key results. */
  title: 300,
  /** Descriptions, strategies and other Markdown. */
  longText: 20_000,
} as const;
