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
