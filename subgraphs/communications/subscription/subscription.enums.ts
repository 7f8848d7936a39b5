import { registerEnumType } from 'type-graphql';

export enum Channel {
  EMAIL = 'EMAIL',
  WEBHOOK = 'WEBHOOK',
}

registerEnumType(Channel, {
  name: 'Channel',
  description: 'How a subscriber is reached.',
  valuesConfig: {
    EMAIL: { description: 'E-mail, after the address confirmed the subscription (double opt-in).' },
    WEBHOOK: {
      description:
        'An HTTPS endpoint, called with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature).',
    },
  },
});
