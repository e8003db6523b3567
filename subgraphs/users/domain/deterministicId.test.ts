import { deterministicUuid } from './deterministicId';

// Ids already in databases were derived with these exact values: they must never change.
it('derives the same version-5-style UUID from a name as it always did', () => {
  expect(deterministicUuid('customer:42')).toBe('67f22bfd-8b98-5e1b-90db-fecc6f68ae2b');
  expect(deterministicUuid('order:2539329')).toBe('d305066d-9469-57cc-a714-60ec9314ca81');
  expect(deterministicUuid('order-purchase:a:b')).toBe('4e84a33c-477e-5e86-a0d9-3ba58562fcc6');
  expect(deterministicUuid('')).toBe('e3b0c442-98fc-5c14-9afb-f4c8996fb924');
  expect(deterministicUuid('ünïcode ✓')).toBe('1105f022-f3f3-5250-ae3b-45ff0692bcf4');
});

it('sets the version and variant bits whatever the digest', () => {
  for (let i = 0; i < 200; i++) expect(deterministicUuid(`name-${i}`)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
