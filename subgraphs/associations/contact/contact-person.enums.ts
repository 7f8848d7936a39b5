import { registerEnumType } from 'type-graphql';

export enum ContactRole {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  SECRETARY = 'SECRETARY',
  TREASURER = 'TREASURER',
  BOARD_MEMBER = 'BOARD_MEMBER',
  CONTACT = 'CONTACT',
  OTHER = 'OTHER',
}

registerEnumType(ContactRole, {
  name: 'ContactRole',
  description: "A contact person's role in the association.",
  valuesConfig: {
    CHAIR: { description: 'Chair (puheenjohtaja).' },
    VICE_CHAIR: { description: 'Vice chair (varapuheenjohtaja).' },
    SECRETARY: { description: 'Secretary (sihteeri).' },
    TREASURER: { description: 'Treasurer (rahastonhoitaja).' },
    BOARD_MEMBER: { description: 'Board member (hallituksen jäsen).' },
    CONTACT: { description: 'Named contact for a topic, e.g. events or grants.' },
    OTHER: { description: 'Any other role; see `title`.' },
  },
});
