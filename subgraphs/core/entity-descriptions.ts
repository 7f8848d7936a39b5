/**
 * The descriptions of entities that more than one subgraph declares (the owner, and the
 * subgraphs that only reference them). Composition keeps the description most subgraphs
 * give, so a stub's own shorter text ("owned by the associations subgraph") outvoted the
 * owner's and showed in GraphiQL's docs (issue 30, item 5). Owner and stubs use the same
 * text from here; the owner's module stays the place that says what the entity is.
 */
export const ENTITY_DESCRIPTIONS = {
  Association: 'An association, society or other organisation that works with the city.',
  Calendar:
    'The cooperation calendar (vuosikello): one year at a glance, for the whole city or one service area.',
  Category:
    'A theme in the directory (sports, culture, peer support …). An association may have several.',
  EquipmentReservation:
    "An association's reservation of lendable equipment. Visible to its representatives and city staff.",
  Guide:
    'A text of the cooperation handbook: a guide chapter, rules, a role card (huoneentaulu) or a checklist, in Markdown, with every earlier version kept.',
  GrantApplication:
    "An association's application for a grant. Visible only to the association's representatives and city staff; once decided in its favour, the award is public (awardedGrants).",
  Municipality:
    'A Finnish municipality (kunta) as Statistics Finland classifies it: sites list and name them from here instead of keeping their own list.',
  Reservation:
    "An association's reservation of a space. Visible only to that association's representatives and to city staff.",
  ServiceArea:
    'A branch of the city organisation (palvelualue): education, culture, sports, social and health, youth …',
  Space:
    'A bookable room, hall, gym, field, kitchen or workshop inside a facility. A space may be split into parts (a hall into halves): booking a part blocks the whole, and the whole blocks its parts.',
  WorkingGroup:
    'A working group of associations and city staff (tila-, avustus-, tapahtuma- or viestintätyöryhmä), working from the current state to a goal, a change and actions.',
} as const;
