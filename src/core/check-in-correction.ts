// A wrong check-in is put right by the person who made it, while it is fresh: for a day
// after it was made, its author may correct its figures or remove it. After that it is
// history, and a new check-in follows it instead. (Whether the author may still check in
// on the key result at all, e.g. in a cycle that has closed, is the policy's question.)

export const CHECK_IN_CORRECTION_HOURS = 24;

export interface CorrectableCheckIn {
  authorId: string | null;
  createdAt: Date;
}

export type CorrectionRefusal = 'check_in_not_yours' | 'check_in_correction_over';

/** Why the account may not correct or remove the check-in at `now`; null when it may. */
export function correctionRefusal(checkIn: CorrectableCheckIn, accountId: string, now: Date): CorrectionRefusal | null {
  if (checkIn.authorId !== accountId) return 'check_in_not_yours';
  if (now.getTime() - checkIn.createdAt.getTime() >= CHECK_IN_CORRECTION_HOURS * 3_600_000)
    return 'check_in_correction_over';
  return null;
}

/** Until when the check-in may be corrected. */
export const correctableUntil = (checkIn: CorrectableCheckIn): Date =>
  new Date(checkIn.createdAt.getTime() + CHECK_IN_CORRECTION_HOURS * 3_600_000);
