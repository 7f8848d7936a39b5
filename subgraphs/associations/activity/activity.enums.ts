import { registerEnumType } from 'type-graphql';

export enum TargetGroup {
  EVERYONE = 'EVERYONE',
  CHILDREN = 'CHILDREN',
  YOUTH = 'YOUTH',
  FAMILIES = 'FAMILIES',
  ADULTS = 'ADULTS',
  SENIORS = 'SENIORS',
  IMMIGRANTS = 'IMMIGRANTS',
  PEOPLE_WITH_DISABILITIES = 'PEOPLE_WITH_DISABILITIES',
}

registerEnumType(TargetGroup, {
  name: 'TargetGroup',
  description: 'Who an activity is meant for.',
  valuesConfig: {
    EVERYONE: { description: 'Open to everyone.' },
    CHILDREN: { description: 'Children under 13.' },
    YOUTH: { description: 'Young people, 13 to 29.' },
    FAMILIES: { description: 'Families with children.' },
    ADULTS: { description: 'Working-age adults.' },
    SENIORS: { description: 'Older people (ikäihmiset).' },
    IMMIGRANTS: { description: 'People who have moved to Finland.' },
    PEOPLE_WITH_DISABILITIES: { description: 'People with disabilities and their families.' },
  },
});
