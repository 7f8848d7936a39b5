import { registerEnumType } from 'type-graphql';

export enum FacilityKind {
  MULTIPURPOSE_HOUSE = 'MULTIPURPOSE_HOUSE',
  SCHOOL = 'SCHOOL',
  LIBRARY = 'LIBRARY',
  YOUTH_CENTRE = 'YOUTH_CENTRE',
  SPORTS_CENTRE = 'SPORTS_CENTRE',
  CULTURAL_CENTRE = 'CULTURAL_CENTRE',
  OTHER = 'OTHER',
}

registerEnumType(FacilityKind, {
  name: 'FacilityKind',
  description: 'What kind of building a facility is.',
  valuesConfig: {
    MULTIPURPOSE_HOUSE: { description: 'A multi-purpose house (monitoimitalo).' },
    SCHOOL: { description: 'A school whose rooms are lent out of school hours.' },
    LIBRARY: { description: 'A library.' },
    YOUTH_CENTRE: { description: 'A youth centre (nuorisotalo).' },
    SPORTS_CENTRE: { description: 'A sports hall or sports park.' },
    CULTURAL_CENTRE: { description: 'A cultural centre or concert house.' },
    OTHER: { description: 'Any other building.' },
  },
});

export enum LinkKind {
  PHOTO = 'PHOTO',
  WEBSITE = 'WEBSITE',
  MAP = 'MAP',
  ACCESSIBILITY = 'ACCESSIBILITY',
  OTHER = 'OTHER',
}

registerEnumType(LinkKind, {
  name: 'LinkKind',
  description: 'What a link about a facility points to.',
  valuesConfig: {
    PHOTO: { description: 'A photo of the building or its spaces.' },
    WEBSITE: { description: "The facility's own web page." },
    MAP: { description: 'A map or directions.' },
    ACCESSIBILITY: { description: 'Detailed accessibility information (e.g. palvelukartta).' },
    OTHER: { description: 'Anything else.' },
  },
});
