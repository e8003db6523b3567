import { displayGtin, ean13, gs1CheckDigit, parseGtin } from './gtin';

describe('GTIN', () => {
  it('accepts real EAN-13, EAN-8, UPC-A and GTIN-14 numbers and stores them as GTIN-14', () => {
    expect(parseGtin('4006381333931')).toEqual({ gtin14: '04006381333931' });
    expect(parseGtin('96385074')).toEqual({ gtin14: '00000096385074' });
    expect(parseGtin('036000291452')).toEqual({ gtin14: '00036000291452' });
    expect(parseGtin('10614141000415')).toEqual({ gtin14: '10614141000415' });
    expect(parseGtin('4 006381 333931')).toEqual({ gtin14: '04006381333931' });
  });

  it('treats a UPC-A code and the EAN-13 read from the same bars as one number', () => {
    expect(parseGtin('036000291452')).toEqual(parseGtin('0036000291452'));
  });

  it('says what is wrong with a bad number', () => {
    expect(parseGtin('4006381333932')).toEqual({ reason: 'has a wrong check digit (the last digit should be 1)' });
    expect(parseGtin('40063813339')).toEqual({ reason: 'must have 8, 12, 13 or 14 digits, not 11' });
    expect(parseGtin('8,02E+12')).toEqual({ reason: 'must be digits only (an EAN-13, EAN-8, UPC-A or GTIN-14 number)' });
    expect(parseGtin('0000000000000')).toEqual({ reason: 'is not a product number (too many leading zeros)' });
  });

  it('shows 13 digits (EAN-13) unless it is a case code', () => {
    expect(displayGtin('04006381333931')).toBe('4006381333931');
    expect(displayGtin('00000096385074')).toBe('0000096385074');
    expect(displayGtin('00036000291452')).toBe('0036000291452');
    expect(displayGtin('10614141000415')).toBe('10614141000415');
  });

  it('computes check digits as GS1 defines them', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(ean13('200000000001')).toMatch(/^200000000001\d$/);
    expect(parseGtin(ean13('200000000001'))).toEqual({ gtin14: `0${ean13('200000000001')}` });
  });
});
