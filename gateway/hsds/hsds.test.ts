import { hsdsErrors } from '../../tests/setup/open-data-schemas';
import {
  type DirectoryAssociation,
  hsdsPage,
  parseSchedule,
  toFacilityLocation,
  toLocation,
  toOrganization,
  toService,
} from './hsds';
import { HsdsSnapshots } from './hsds.route';

const association = (over: Partial<DirectoryAssociation> = {}): DirectoryAssociation => ({
  id: '05bad602-844b-570e-8bbc-83aa62d3c7f1',
  name: { fi: 'Lahden Urheiluseura ry', sv: null, en: 'Lahti Sports Club' },
  description: { fi: 'Yleisurheilua ja hiihtoa.' },
  kind: 'REGISTERED_ASSOCIATION',
  status: 'ACTIVE',
  businessId: '1234567-1',
  foundedYear: 1921,
  website: 'https://lahdenurheiluseura.example',
  email: 'toimisto@lahdenurheiluseura.example',
  phone: '+358 3 123 4567',
  languages: ['fi'],
  address: { street: 'Kisapuisto 1', postalCode: '15110', city: 'Lahti' },
  municipality: { name: { fi: 'Lahti' } },
  updatedAt: '2026-12-01T10:00:00.000Z',
  activities: [
    {
      id: '7d0c2a8e-0000-4000-8000-000000000001',
      name: { fi: 'Junioriyleisurheilu', sv: null, en: null },
      description: null,
      languages: ['fi', 'sv'],
      isFree: true,
      schedule: 'Tiistaisin ja torstaisin 17–18, touko–syyskuu',
      url: null,
      updatedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
  contacts: [
    {
      id: '7d0c2a8e-0000-4000-8000-0000000000c1',
      name: 'Maija Puheenjohtaja',
      role: 'CHAIR',
      title: null,
      isPublic: true,
      email: 'maija@example.fi',
      phone: '+358 40 111 2222',
    },
    {
      id: '7d0c2a8e-0000-4000-8000-0000000000c2',
      name: 'Salainen Sihteeri',
      role: 'SECRETARY',
      title: null,
      isPublic: false,
      email: null,
      phone: null,
    },
  ],
  ...over,
});

describe('the directory as Open Referral HSDS 3', () => {
  it("writes organizations, services and locations that the specification's schemas accept", () => {
    const a = association();
    expect(hsdsErrors(toOrganization(a, true), 'organization')).toEqual([]);
    expect(hsdsErrors(toOrganization(a, false), 'organization')).toEqual([]);
    expect(hsdsErrors(toService(a.activities[0], a, true), 'service')).toEqual([]);
    expect(hsdsErrors(toLocation(a), 'location')).toEqual([]);
    const house = toFacilityLocation({
      id: '7d0c2a8e-0000-4000-8000-0000000000f1',
      name: { fi: 'Kirkkokadun monitoimitalo' },
      description: null,
      address: { street: 'Kirkkokatu 1', postalCode: '15110', city: 'Lahti' },
      updatedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(hsdsErrors(house, 'location')).toEqual([]);
    // An international domain is published in its ASCII form, as `format: uri` needs (the
    // expected form is Python's idna codec's, not ours).
    const idn = association({
      website: 'https://kiveriön-asukkaat.example',
      email: 'info@kiveriön-asukkaat.example',
    });
    expect(hsdsErrors(toOrganization(idn, true), 'organization')).toEqual([]);
    expect(toOrganization(idn, false)).toMatchObject({
      website: 'https://xn--kiverin-asukkaat-rwb.example/',
      email: 'info@xn--kiverin-asukkaat-rwb.example',
    });
    expect(hsdsErrors(hsdsPage([toOrganization(a, false)], 1, 50), 'organization', true)).toEqual(
      [],
    );
  });

  it('is refused by the schemas when a required field is missing (the check can fail)', () => {
    const noDescription = toOrganization(association(), false);
    delete noDescription.description;
    expect(hsdsErrors(noDescription, 'organization')).not.toEqual([]);
    expect(
      hsdsErrors(
        { ...toService(association().activities[0], association(), false), status: 'closed' },
        'service',
      ),
    ).not.toEqual([]);
  });

  it('publishes only the contacts who agreed, and the dissolved as defunct', () => {
    const full = toOrganization(association(), true) as { contacts: Array<{ name: string }> };
    expect(full.contacts.map((c) => c.name)).toEqual(['Maija Puheenjohtaja']);
    const dissolved = association({ status: 'DISSOLVED' });
    expect(toService(dissolved.activities[0], dissolved, false)).toMatchObject({
      status: 'defunct',
    });
    expect(toOrganization(dissolved, false)).toMatchObject({
      legal_status: 'Dissolved (lakkautettu)',
    });
  });

  it.each([
    [
      'Tiistaisin ja torstaisin 17–18, touko–syyskuu',
      { freq: 'WEEKLY', byday: 'TU,TH', opens_at: '17:00', closes_at: '18:00' },
    ],
    ['Sunnuntaisin klo 10', { freq: 'WEEKLY', byday: 'SU', opens_at: '10:00' }],
    [
      'Maanantaisin 17.30–19',
      { freq: 'WEEKLY', byday: 'MO', opens_at: '17:30', closes_at: '19:00' },
    ],
    [
      'Joka toinen torstai 18–19.30',
      { freq: 'WEEKLY', interval: 2, byday: 'TH', opens_at: '18:00', closes_at: '19:30' },
    ],
    [
      'Kuun ensimmäinen perjantai 13–16',
      { freq: 'MONTHLY', byday: '1FR', opens_at: '13:00', closes_at: '16:00' },
    ],
    ['Viikoittain lukuvuoden aikana', null],
    ['Torstaisin 25–26', { freq: 'WEEKLY', byday: 'TH' }],
  ])('reads the schedule "%s"', (text, expected) => {
    expect(parseSchedule(text)).toEqual(expected);
  });

  it('pages as the HSDS API does', () => {
    expect(hsdsPage([1, 2, 3], 2, 2)).toEqual({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
      contents: [3],
    });
    expect(hsdsPage([], 1, 50)).toMatchObject({ total_pages: 1, empty: true, last_page: true });
  });

  it('walks the directory once per generation of cached answers, and again after max-age', async () => {
    let walks = 0;
    let generation = '1';
    let now = 0;
    const snapshots = new HsdsSnapshots(
      async () => {
        walks++;
        return { associations: [association()], facilities: [] };
      },
      async () => generation,
      60_000,
      () => now,
    );
    await snapshots.current();
    await snapshots.current();
    expect(walks).toBe(1);
    generation = '2';
    expect((await snapshots.current()).associations).toHaveLength(1);
    expect(walks).toBe(2);
    now = 61_000;
    await snapshots.current();
    expect(walks).toBe(3);
  });
});
