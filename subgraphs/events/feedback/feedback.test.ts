import { randomUUID } from 'node:crypto';
import { eventsSubgraph } from '../events.subgraph';
import { makeEvent } from '../../../tests/factories/events.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const GIVE = `mutation($input: GiveFeedbackInput!) { giveFeedback(input: $input) { rating comment respondentRole } }`;
const SUMMARY = `query($id: ID!) { event(id: $id) { feedbackSummary { count averageRating distribution } } }`;

describe('Feedback', () => {
  let subgraph: TestSubgraph;
  let pastEvent: string;
  const associationId = randomUUID();
  let representative: string;
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
    pastEvent = await makeEvent(subgraph.db, { startsAt: new Date(Date.now() - 2 * 86_400_000) });
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
      subject: 'rep-1',
    });
    staff = await subgraph.token({ role: 'staff', subject: 'staff-1' });
  });

  afterAll(() => subgraph.stop());

  it('collects one answer per person after the event, and summarises them for everyone', async () => {
    expect(
      (
        await subgraph.request(
          GIVE,
          { input: { eventId: pastEvent, associationId, rating: 5, comment: 'Hyvä ilta' } },
          representative,
        )
      ).data,
    ).toEqual({
      giveFeedback: { rating: 5, comment: 'Hyvä ilta', respondentRole: 'representative' },
    });
    await subgraph.request(GIVE, { input: { eventId: pastEvent, rating: 4 } }, staff);
    const another = await subgraph.token({ role: 'staff', subject: 'staff-2' });
    await subgraph.request(GIVE, { input: { eventId: pastEvent, rating: 4 } }, another);
    expect((await subgraph.request(SUMMARY, { id: pastEvent })).data).toEqual({
      // (5 + 4 + 4) / 3 = 4.33… → "4.3"
      event: { feedbackSummary: { count: 3, averageRating: '4.3', distribution: [0, 0, 0, 2, 1] } },
    });
    const again = await subgraph.request(
      GIVE,
      { input: { eventId: pastEvent, associationId, rating: 1 } },
      representative,
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('refuses feedback before the event has started, and out-of-range ratings', async () => {
    const future = await makeEvent(subgraph.db);
    expect(
      brokenRules(await subgraph.request(GIVE, { input: { eventId: future, rating: 3 } }, staff)),
    ).toEqual(['input.eventId NOT_STARTED']);
    expect(
      brokenRules(
        await subgraph.request(GIVE, { input: { eventId: pastEvent, rating: 6 } }, staff),
      ),
    ).toEqual(['input.rating MAX']);
  });

  it('takes feedback only from representatives (for their association) and staff', async () => {
    expect(
      errorCodes(await subgraph.request(GIVE, { input: { eventId: pastEvent, rating: 3 } })),
    ).toEqual(['FORBIDDEN']);
    const other = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
      subject: 'rep-2',
    });
    expect(
      errorCodes(
        await subgraph.request(
          GIVE,
          { input: { eventId: pastEvent, associationId, rating: 3 } },
          other,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('shows comments to staff only', async () => {
    const QUERY = `query($id: ID!) { event(id: $id) { feedback { rating comment } } }`;
    expect(
      (await subgraph.request<{ event: { feedback: unknown[] } }>(QUERY, { id: pastEvent }, staff))
        .data!.event.feedback,
    ).toHaveLength(3);
    expect(errorCodes(await subgraph.request(QUERY, { id: pastEvent }, representative))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
