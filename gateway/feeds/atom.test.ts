import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { writeAtom } from './atom';

describe('the Atom writer', () => {
  it('writes text a user typed, markup and control characters included, as a feed an independent parser reads back', () => {
    const hostile = 'Tervetuloa <b>kaikki</b> & "ystävät" \u0001\u0008 ]]> <![CDATA[';
    const text = writeAtom({
      id: 'https://hub.example/feeds/announcements.atom',
      title: 'Tiedotteet',
      self: 'https://hub.example/feeds/announcements.atom?topic=GENERAL&lang=fi',
      home: 'https://hub.example',
      author: 'Yhdistysyhteistyö',
      updated: new Date('2027-03-01T08:00:00Z'),
      entries: [
        {
          id: 'urn:uuid:3f0d8a4e-1c2b-4d5e-8f90-123456789abc',
          title: hostile,
          html: `<p>${hostile}</p>`,
          updated: new Date('2027-03-01T08:00:00Z'),
          published: new Date('2027-03-01T07:00:00Z'),
          link: null,
          categories: ['GENERAL'],
          language: 'fi',
        },
      ],
    });
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parseAtomFeed(text);
    expect(feed.entries?.[0].title?.value).toBe(
      'Tervetuloa <b>kaikki</b> & "ystävät"  ]]> <![CDATA[',
    );
    expect(feed.entries?.[0].content?.value).toBe(
      '<p>Tervetuloa <b>kaikki</b> & "ystävät"  ]]> <![CDATA[</p>',
    );
    expect(feed.entries?.[0].published).toBe('2027-03-01T07:00:00.000Z');
    expect(feed.links?.find((l) => l.rel === 'self')?.href).toBe(
      'https://hub.example/feeds/announcements.atom?topic=GENERAL&lang=fi',
    );
  });
});
