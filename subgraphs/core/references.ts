/**
 * Reference resolvers for entities another subgraph owns and this one only adds fields to.
 * Any key is valid here: an association, area or space with no rows in this subgraph simply
 * has empty lists, so there is nothing to look up.
 */
export const byIdStub = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
};

/** The cooperation calendar as a key: any year and area is a calendar to add items to. */
export const calendarStub = {
  __resolveReference: (ref: { year: number; serviceAreaId?: string | null }) => ({
    year: ref.year,
    serviceAreaId: ref.serviceAreaId ?? null,
  }),
};
