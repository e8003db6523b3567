/**
 * One line of a photographed shopping list as text recognition reads it,
 * made into the line the shopper wrote: what the free-text intent parser then
 * reads. Pure, and deliberately conservative: it removes list furniture
 * (bullets, checkboxes, numbering, stray punctuation), mends the misreadings
 * OCR makes of units ("2 | whole milk" is "2 l whole milk") and writes counts
 * the one way the parser reads them ("1x bananas", "bananas x2": "2 bananas").
 * A line with no letters left is not a line: "".
 */
export function cleanListLine(read: string): string {
  let line = read
    // Before NFKC, which would make "½" into "1⁄2".
    .replace(/½/g, ' 0.5 ')
    .replace(/¼/g, ' 0.25 ')
    .replace(/¾/g, ' 0.75 ')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    // Quotation marks say nothing about a product.
    .replace(/[\u201c\u201d\u201e\u2033"]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

  line = stripLeadingFurniture(line);

  // A number then "|" or a capital I standing alone: OCR's reading of the litre's "l".
  line = line.replace(/(\d)\s*[|I](?=\s|$)/g, '$1 l');
  // Other bars are the edge of the paper or a ruled margin.
  line = line.replace(/\s*\|\s*/g, ' ');

  // Counts: "1x bananas", "2 x milk", "2× milk" → "1 bananas"; "bananas x2", "bananas x 2", "bananas (x2)" → "2 bananas".
  // "4 x 125 g" (a pack size, a number on both sides) is left alone.
  line = line.replace(/^(\d+)\s*[x×*]\s+(?=[^\d\s])/i, '$1 ');
  const trailing = /^(.*?\p{L}.*?)(?:\s+|\s*\()[x×*]\s*(\d+)\s*\)?$/iu.exec(line);
  if (trailing && !/\d\s*$/.test(trailing[1]!) && !/^\d/.test(trailing[1]!)) line = `${trailing[2]} ${trailing[1]}`;

  // "2l milk", "500g rice": the number and its unit apart, as on most lists.
  line = line.replace(/^(\d+(?:[.,]\d+)?)(kg|g|ml|cl|l)\b/i, '$1 $2');

  // Stray punctuation: OCR specks and the writer's own commas and full stops at either end.
  line = line
    .replace(/[_~`^¬©®°•·»«■□▪●○◦☐☑☒✓✔✗✘]+/g, ' ')
    .replace(/^[\s.,;:'"!?*+=#\\/>)\]}-]+/, '')
    .replace(/[\s.,;:'"!?*+=#\\/<([{-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

  return /\p{L}{2}/u.test(line) ? line : '';
}

/** Bullets, checkboxes (ticked or not, and as OCR reads them: "[ 1"), list numbers ("1.", "2)"), repeatedly. */
function stripLeadingFurniture(line: string): string {
  let rest = line;
  for (;;) {
    const before = rest;
    rest = rest
      // [ ], [x], [X], [v], [✓], [], and "[ 1" / "[1" / "[ |" (the closing bracket misread).
      .replace(/^[[(]\s*[xXvV✓✔1lI|]?\s*[\])1lI|]?\s+/, '')
      .replace(/^[☐☑☒□■▪●○◦•·*»>✓✔✗✘-]+\s*/, '')
      // "o" or "e" alone before a word: a hollow bullet read as a letter.
      .replace(/^[oe]\s+(?=[A-Za-z]{2})/, '')
      // "1." or "2)" before a word: the list's numbering, not a quantity ("1.5 kg" keeps its number).
      .replace(/^\d{1,2}[.)]\s+(?=\D)/, '')
      .trim();
    if (rest === before) return rest;
  }
}
