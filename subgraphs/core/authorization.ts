import { ForbiddenError } from './errors';
import type { Identity } from './identity';

/**
 * Who may act, asked the same way in every subgraph. Rules live in services; these are
 * the words they are written in. Admins may do everything staff may.
 */

export function isCityStaff(identity: Identity): boolean {
  return identity.role === 'staff' || identity.role === 'admin';
}

export function isAdmin(identity: Identity): boolean {
  return identity.role === 'admin';
}

/** A representative acting for this association. */
export function representsAssociation(identity: Identity, associationId: string): boolean {
  return (
    identity.role === 'representative' &&
    identity.associationIds.some((id) => id.toLowerCase() === associationId.toLowerCase())
  );
}

/** Staff of this service area, or an admin. */
export function worksInServiceArea(identity: Identity, serviceAreaId: string): boolean {
  return (
    identity.role === 'admin' ||
    (identity.role === 'staff' &&
      identity.serviceAreaIds.some((id) => id.toLowerCase() === serviceAreaId.toLowerCase()))
  );
}

/**
 * Refuses with FORBIDDEN. An anonymous caller gets the same code (UNAUTHENTICATED is kept
 * for a bad token, which fails the whole request with 401), with a hint to sign in.
 */
export function requireThat(identity: Identity, allowed: boolean, action: string): void {
  if (allowed) return;
  throw new ForbiddenError(
    identity.role === 'anonymous'
      ? `${action} (sign in first: anonymous callers may only read)`
      : action,
  );
}

/**
 * The associations a list of private items (reservations, applications) may be read for:
 * staff read any (undefined = no restriction beyond `requested`); a representative reads
 * their own associations' only — asking for others' is FORBIDDEN, asking for none means
 * all of their own. Anonymous callers read none.
 */
export function associationScope(
  identity: Identity,
  requested: string[] | undefined,
  what: string,
): string[] | undefined {
  requireThat(identity, identity.role !== 'anonymous', `reading ${what}`);
  if (isCityStaff(identity)) return requested;
  const own = identity.associationIds.map((id) => id.toLowerCase());
  const others = (requested ?? []).filter((id) => !own.includes(id));
  requireThat(identity, others.length === 0, `reading ${what} of ${others.join(', ')}`);
  return requested?.length ? requested : own;
}
