/**
 * Why the hub keeps some records of a person after an erasure request (GDPR article
 * 17(3)(b): processing a legal obligation requires), in the words the answers give.
 */
export const KEPT_BY_LAW = {
  /** A decision of an official, and who made it. */
  officialDecision:
    'A decision made by a city official, and who made it, is a document of the city’s administration (hallintolaki 434/2003, arkistolaki 831/1994); GDPR article 17(3)(b).',
  /** What the city told the public, and who wrote it. */
  publishedAnnouncement:
    'An announcement the city made, and who wrote it, is a document of the city’s administration (arkistolaki 831/1994); GDPR article 17(3)(b).',
  /** A filed grant application and its handling. */
  grantApplication:
    'A submitted grant application, its handling and its decision are documents of the city’s administration, archived by the Archives Act (arkistolaki 831/1994) and the city’s archive plan; GDPR article 17(3)(b).',
} as const;
