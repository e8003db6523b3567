/** Words that negate the slot phrase (or the word) that follows them. */
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'non', 'no', 'without', 'never', 'nothing']);

/** Words that turn a sustainability preference into a requirement: "only organic", "must be sustainable". */
export const STRICT_MODIFIERS: ReadonlySet<string> = new Set(['only', 'strictly', 'must', 'exclusively', 'solely', '100']);

/**
 * Function words and shopping filler that say nothing about which products to
 * show. Compared with the word as written, so plurals ("things") are listed too.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...NEGATORS,
  ...STRICT_MODIFIERS,
  // pronouns and determiners
  'a', 'an', 'the', 'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'he', 'she',
  'him', 'her', 'his', 'they', 'them', 'their', 'it', 'its', 'this', 'that', 'these', 'those', 'some', 'any', 'all',
  'each', 'every', 'few', 'many', 'much', 'lot', 'lots', 'other', 'another', 'such', 'own', 'same', 'both', 'either',
  'neither', 'one', 'ones', 'anything', 'something', 'everything', 'someone', 'anyone',
  // conjunctions, prepositions, adverbs
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'then', 'than', 'as', 'because', 'while', 'for', 'of', 'to', 'in',
  'on', 'at', 'by', 'with', 'from', 'into', 'onto', 'about', 'above', 'below', 'under', 'over', 'up', 'down', 'out',
  'off', 'around', 'near', 'between', 'through', 'during', 'before', 'after', 'per', 'via', 'within', 'very', 'really',
  'just', 'also', 'too', 'quite', 'rather', 'more', 'most', 'less', 'least', 'even', 'still', 'again', 'ever', 'here',
  'there', 'now', 'today', 'tonight', 'tomorrow', 'soon', 'please', 'pls', 'plz', 'thanks', 'thank', 'maybe', 'perhaps',
  'etc', 'ok', 'okay', 'yes', 'hi', 'hello', 'hey', 'free', 'low', 'high', 'extra',
  // question words
  'what', 'which', 'where', 'who', 'whom', 'whose', 'how', 'when', 'why', 'whats', 'wheres',
  // auxiliaries and shopping verbs
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'doing', 'done', 'have', 'has', 'had',
  'having', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'let', 'lets', 'want', 'wants',
  'wanted', 'wanna', 'need', 'needs', 'needed', 'like', 'likes', 'love', 'prefer', 'preferably', 'ideally', 'looking',
  'look', 'search', 'searching', 'find', 'finding', 'show', 'get', 'getting', 'got', 'buy', 'buying', 'bought', 'give',
  'recommend', 'recommendation', 'recommendations', 'suggest', 'suggestion', 'suggestions', 'idea', 'ideas', 'try',
  'make', 'making', 'eat', 'eating', 'drink', 'drinking', 'shop', 'shopping', 'store', 'stores', 'supermarket', 'grocery',
  'groceries', 'available', 'stock', 'cost', 'costs', 'costing', 'price', 'priced', 'prices', 'pay', 'spend',
  // vague nouns and adjectives
  'stuff', 'thing', 'things', 'item', 'items', 'product', 'products', 'food', 'foods', 'option', 'options', 'choice',
  'choices', 'kind', 'type', 'sort', 'brand', 'good', 'nice', 'great', 'best', 'better', 'fresh', 'new', 'tasty',
  // units: quantities are not search terms
  'l', 'lt', 'ltr', 'litre', 'litres', 'liter', 'liters', 'ml', 'cl', 'dl', 'kg', 'kilo', 'kilos', 'g', 'gr', 'gram',
  'grams', 'gramme', 'grammes', 'oz', 'ounce', 'ounces', 'lb', 'lbs', 'pack', 'packs', 'pk', 'pcs', 'piece', 'pieces',
  'x', 'percent',
]);
