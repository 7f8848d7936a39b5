import { registerEnumType } from 'type-graphql';

export enum WorkingGroupTheme {
  SPACES = 'SPACES',
  GRANTS = 'GRANTS',
  EVENTS = 'EVENTS',
  COMMUNICATION = 'COMMUNICATION',
  OTHER = 'OTHER',
}

export enum MemberRole {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  SECRETARY = 'SECRETARY',
  MEMBER = 'MEMBER',
}

export enum PlanStage {
  CURRENT_STATE = 'CURRENT_STATE',
  GOAL = 'GOAL',
  CHANGE = 'CHANGE',
  ACTION = 'ACTION',
}

export enum PlanItemStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

registerEnumType(WorkingGroupTheme, {
  name: 'WorkingGroupTheme',
  description: 'What a working group of the cooperation works on.',
  valuesConfig: {
    SPACES: { description: 'Spaces and their use (tilatyöryhmä).' },
    GRANTS: { description: 'Grants (avustustyöryhmä).' },
    EVENTS: { description: 'Joint events (tapahtumatyöryhmä).' },
    COMMUNICATION: { description: 'Communication (viestintätyöryhmä).' },
    OTHER: { description: 'Anything else, e.g. a network of immigrant associations.' },
  },
});

registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: 'A member’s role in a working group.',
  valuesConfig: {
    CHAIR: { description: 'Puheenjohtaja.' },
    VICE_CHAIR: { description: 'Varapuheenjohtaja.' },
    SECRETARY: { description: 'Sihteeri.' },
    MEMBER: { description: 'Jäsen.' },
  },
});

registerEnumType(PlanStage, {
  name: 'PlanStage',
  description:
    'The stages a working group works through (the model’s working method): current state → goal → change → actions.',
  valuesConfig: {
    CURRENT_STATE: { description: 'Nykytila: where things stand.' },
    GOAL: { description: 'Tavoite: where they should be.' },
    CHANGE: { description: 'Muutos: what must change.' },
    ACTION: { description: 'Toimenpide: what is done, by whom and when.' },
  },
});

registerEnumType(PlanItemStatus, {
  name: 'PlanItemStatus',
  description: 'How far a plan item is.',
  valuesConfig: {
    PLANNED: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Under way.' },
    DONE: { description: 'Done.' },
  },
});
