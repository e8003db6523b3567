import { parseInput, rules } from '../../../platform/validation';
import type { QueryResolvers } from '../generated/resolvers-types';
import { detectIntent as detect } from '../intent/detectIntent';

export const detectIntent: QueryResolvers['detectIntent'] = async (_parent, { text }, { vocabulary }) =>
  detect(parseInput(rules.text(500), text, 'text'), { categories: await vocabulary.current() });
