import nlp from 'compromise';

type ToSingular = (word: string, model: object) => string;

// compromise's noun inflector, without running its whole tagger (which costs
// about 1 ms per query); nlp.methods() is its documented way to reach it.
function nounToSingular(): ToSingular {
  const methods = nlp.methods() as { two?: { transform?: { noun?: { toSingular?: ToSingular } } } };
  const toSingular = methods.two?.transform?.noun?.toSingular;
  if (typeof toSingular !== 'function') throw new Error('compromise no longer exposes methods().two.transform.noun.toSingular');
  return toSingular;
}
const toSingular = nounToSingular();
const model = nlp.model();

// Grocery plurals compromise gets wrong ("brownies" → "browny"); "veggies"
// stays plural because the singular "veggie" means vegetarian.
const OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['brownies', 'brownie'],
  ['smoothies', 'smoothie'],
  ['veggies', 'veggies'],
  ['cheeses', 'cheese'],
  ['quiches', 'quiche'],
  ['goodies', 'goodie'],
  ['molasses', 'molasses'],
]);

// "hummus", "couscous", "asparagus", "glass", "swiss", "is": never plurals.
const NOT_PLURAL = /(?:ss|us|is)$/;
const MEMO_LIMIT = 10_000;
const memo = new Map<string, string>();

/** The singular of a lower-case English noun; any other word unchanged. */
export function lemmatize(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || NOT_PLURAL.test(word) || !/^[a-z]+$/.test(word)) return word;
  const known = OVERRIDES.get(word) ?? memo.get(word);
  if (known !== undefined) return known;
  const singular = toSingular(word, model) || word;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, singular);
  return singular;
}
