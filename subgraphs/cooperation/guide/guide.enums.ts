import { registerEnumType } from 'type-graphql';

export enum GuideKind {
  GUIDE = 'GUIDE',
  RULES = 'RULES',
  ROLE_CARD = 'ROLE_CARD',
  CHECKLIST = 'CHECKLIST',
}

export enum GuideAudience {
  EVERYONE = 'EVERYONE',
  ASSOCIATIONS = 'ASSOCIATIONS',
  CITY_STAFF = 'CITY_STAFF',
}

registerEnumType(GuideKind, {
  name: 'GuideKind',
  description: 'What a text of the cooperation handbook (Yhdistysyhteistyön opas) is.',
  valuesConfig: {
    GUIDE: { description: 'A chapter of the guide, e.g. roles and responsibilities.' },
    RULES: { description: 'Rules, e.g. the grant rules (avustussääntö).' },
    ROLE_CARD: {
      description: 'A one-page role card (huoneentaulu) for a role or a kind of meeting.',
    },
    CHECKLIST: { description: 'A checklist, e.g. for planning an association evening.' },
  },
});

registerEnumType(GuideAudience, {
  name: 'GuideAudience',
  description: 'Whom a guide is written for. Every guide is public.',
  valuesConfig: {
    EVERYONE: { description: 'Associations and city staff alike.' },
    ASSOCIATIONS: { description: 'Associations.' },
    CITY_STAFF: { description: 'City staff, e.g. liaisons.' },
  },
});
