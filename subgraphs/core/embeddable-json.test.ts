import { embeddableJson } from './embeddable-json';

describe(embeddableJson.name, () => {
  it('writes nothing that could end a script element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script><!-- & \u2028\u2029 >' };
    const text = embeddableJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
