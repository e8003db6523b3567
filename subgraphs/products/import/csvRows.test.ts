import { csvColumn, parseProductCsv } from './csvRows';
import { validateRows } from './importRows';

function validate(csv: string) {
  const parsed = parseProductCsv(csv);
  const { valid, errors } = validateRows(parsed.rows, csvColumn);
  return { valid, errors: [...parsed.errors, ...errors] };
}

describe('product CSV rows', () => {
  it('reads typed cells into product inputs, quoted commas and lists included', () => {
    const { valid, errors } = validate(
      [
        'name,sku,price,discountPercent,tags,dietaryTags,sustainabilityLabels,images,stockQuantity,rating,carbonFootprintKg,fat,category',
        '"Cheddar, mature",cheddar-400,4.29,12.5, cheese | hard ,gluten-free|VEGETARIAN,fair trade,/images/c.jpg,7,4.5,1.25,33,cheese',
      ].join('\r\n'),
    );
    expect(errors).toEqual([]);
    expect(valid).toEqual([
      {
        line: 2,
        fields: {
          sku: 'cheddar-400',
          name: 'Cheddar, mature',
          price: '4.29',
          discountPercent: '12.5',
          tags: ['cheese', 'hard'],
          dietaryTags: ['GLUTEN_FREE', 'VEGETARIAN'],
          sustainability: { labels: ['FAIR_TRADE'], carbonFootprintKg: 1.25 },
          images: [{ url: '/images/c.jpg', alt: 'Cheddar, mature' }],
          stockQuantity: 7,
          rating: 4.5,
          nutrition: { fat: 33 },
          categorySlug: 'cheese',
        },
      },
    ]);
  });

  it('reads the kind column in any case, and names an unknown kind', () => {
    const { valid, errors } = validate(['sku,name,price,kind', 'post,Postage,4.95,fee', 'card,Gift card,25,gift card', 'crate,Crate,3.30,Tax'].join('\n'));
    expect(valid.map((row) => row.fields.kind)).toEqual(['FEE', 'GIFT_CARD']);
    expect(errors).toEqual([{ line: 4, field: 'kind', reason: 'must be MERCHANDISE, FEE, SERVICE, DEPOSIT or GIFT_CARD' }]);
  });

  it('leaves empty cells out, so only sku, name and price are needed', () => {
    const { valid, errors } = validate('sku,name,price,brand,stockQuantity\nplain-1,Plain,0.99,,\n');
    expect(errors).toEqual([]);
    expect(valid[0]!.fields).toEqual({ sku: 'plain-1', name: 'Plain', price: '0.99' });
  });

  it('reports every problem of every row with its line and column', () => {
    const { valid, errors } = validate(
      ['sku,name,price,stockQuantity,rating,sustainabilityScore', 'ok-1,Fine,1.00,1,4,50', 'bad one,,1.234,-1,x,200', 'ok-1,Again,1.00,,,'].join('\n'),
    );
    expect(valid.map((row) => row.line)).toEqual([2]);
    expect(errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: 'rating', reason: 'must be a number' },
        { line: 3, field: 'sku', reason: expect.stringContaining('must be 1–64') },
        { line: 3, field: 'name', reason: 'is required' },
        { line: 3, field: 'price', reason: 'must be an amount ≥ 0 with at most 2 decimals' },
        { line: 3, field: 'stockQuantity', reason: 'must be between 0 and 1,000,000' },
        { line: 3, field: 'sustainabilityScore', reason: 'must be between 0 and 100' },
        { line: 4, field: 'sku', reason: 'repeats the sku of line 2' },
      ]),
    );
    expect(errors).toHaveLength(7);
  });

  it('checks the header: known columns, once each, the required ones present', () => {
    expect(validate('sku,name,name,colour\n').errors).toEqual([
      { line: 1, field: 'name', reason: 'appears twice' },
      { line: 1, field: 'colour', reason: 'is not a known column' },
      { line: 1, field: 'price', reason: 'is a required column' },
    ]);
    expect(validate('').errors).toEqual([{ line: 0, field: 'file', reason: 'is empty' }]);
    expect(validate('sku,name,price\n"a,b,1.00\n').errors).toEqual([{ line: 2, field: 'file', reason: expect.stringContaining('Quote Not Closed') }]);
  });
});
