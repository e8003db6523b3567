import { cleanListLine } from './cleanListLine';

describe('cleanListLine', () => {
  it.each([
    // Units OCR misreads
    ['2 | whole milk', '2 l whole milk'],
    ['1| orange juice', '1 l orange juice'],
    ['2 I semi-skimmed milk', '2 l semi-skimmed milk'],
    ['2l milk', '2 l milk'],
    ['500g basmati rice', '500 g basmati rice'],
    // Bullets and checkboxes, as written and as read
    ['- 6 free range eggs', '6 free range eggs'],
    ['• peanut butter', 'peanut butter'],
    ['* apples', 'apples'],
    ['— carrots', 'carrots'],
    ['[ ] wholemeal bread', 'wholemeal bread'],
    ['[ 1 wholemeal bread', 'wholemeal bread'],
    ['[x] tomatoes', 'tomatoes'],
    ['[] olive oil', 'olive oil'],
    ['☐ baby spinach', 'baby spinach'],
    ['☑ 2 | milk', '2 l milk'],
    ['o butter', 'butter'],
    // List numbering is not a quantity; a decimal is
    ['1. ground coffee', 'ground coffee'],
    ['3) feta', 'feta'],
    ['1.5 kg potatoes', '1.5 kg potatoes'],
    // Counts written either way
    ['1x bananas', '1 bananas'],
    ['2 x greek yogurt', '2 greek yogurt'],
    ['bananas x2', '2 bananas'],
    ['lemons (x3)', '3 lemons'],
    ['strawberry yogurt 4 x 125 g', 'strawberry yogurt 4 x 125 g'],
    ['citrus mix 2', 'citrus mix 2'],
    ['6 xylitol gum', '6 xylitol gum'],
    // Stray punctuation and spacing
    ['  chickpeas ,  ', 'chickpeas'],
    ['.. cheddar cheese.', 'cheddar cheese'],
    ['honey;', 'honey'],
    ['salted  _ butter', 'salted butter'],
    ['“oat” drink', 'oat drink'],
    ['½ kg mince', '0.5 kg mince'],
  ])('%j → %j', (read, clean) => {
    expect(cleanListLine(read)).toBe(clean);
  });

  it.each(['', '   ', '-', '[ ]', '| |', '12', '.,;', '~ ~ _', 'a'])('%j is no line', (read) => {
    expect(cleanListLine(read)).toBe('');
  });
});
