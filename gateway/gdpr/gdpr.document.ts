/**
 * The City of Helsinki's profile GDPR API's shapes (open-city-profile's
 * gdpr-api-openapi.yaml, components `Node` and `ErrorResponse`): a tree of keyed nodes for
 * the data, and errors with a code and a message in several languages.
 */

/** One node of the tree: a key, and a value or children or both. */
export interface GdprNode {
  key: string;
  value?: string;
  children?: GdprNode[];
}

export interface GdprError {
  code: string;
  message: Record<string, string>;
}

/** What one subgraph answered (PersonalDataAnswer in the graph). */
export interface ServiceAnswer {
  service: string;
  requestId: string;
  records: Array<{
    kind: string;
    id: string;
    fields: Array<{ key: string; value: string | null }>;
    disposition: 'ERASE' | 'ANONYMISE' | 'KEEP';
    keptBecause: string | null;
  }>;
}

/** The root key: the service whose data this is, as each service in the profile names itself. */
export const ROOT_KEY = 'CITY_ASSOCIATION_HUB';

function leaf(key: string, value: string | null): GdprNode {
  return value === null ? { key } : { key, value };
}

/**
 * Everything the subgraphs hold of the person, one branch per subgraph that holds any, one
 * node per record; with `dispositions`, each record says what erasure does (or did) to it.
 * Null when nothing is held (the API's 204).
 */
export function gdprDocument(
  answers: readonly ServiceAnswer[],
  options: { dispositions: boolean },
): GdprNode | null {
  const branches = answers
    .filter((answer) => answer.records.length > 0)
    .map((answer): GdprNode => ({
      key: answer.service.toUpperCase(),
      children: answer.records.map((record) => ({
        key: record.kind,
        children: [
          leaf('ID', record.id),
          ...record.fields.map((field) => leaf(field.key, field.value)),
          ...(options.dispositions
            ? [
                leaf('DISPOSITION', record.disposition),
                ...(record.keptBecause ? [leaf('KEPT_BECAUSE', record.keptBecause)] : []),
              ]
            : []),
        ],
      })),
    }));
  return branches.length > 0 ? { key: ROOT_KEY, children: branches } : null;
}

/** The Finnish and Swedish words for each refusal; the English one is the detailed reason. */
const MESSAGES: Record<string, { fi: string; sv: string }> = {
  BAD_REQUEST: {
    fi: 'Pyynnön tiedot eivät kelpaa.',
    sv: 'Begärans uppgifter godtas inte.',
  },
  UNAUTHENTICATED: {
    fi: 'Tunnistautuminen puuttuu tai ei kelpaa.',
    sv: 'Identifieringen saknas eller godtas inte.',
  },
  FORBIDDEN: {
    fi: 'Sinulla ei ole oikeutta näihin tietoihin.',
    sv: 'Du har inte rätt till dessa uppgifter.',
  },
  SERVICE_UNAVAILABLE: {
    fi: 'Kaikki palvelut eivät vastanneet. Yritä uudelleen; jo tehty ei toistu.',
    sv: 'Alla tjänster svarade inte. Försök igen; det som redan gjorts upprepas inte.',
  },
};

export function gdprErrors(code: keyof typeof MESSAGES, reason: string): { errors: GdprError[] } {
  return { errors: [{ code, message: { en: reason, ...MESSAGES[code] } }] };
}
