import type { Resolvers } from '../generated/resolvers-types';
import { Product } from './Product';

export const resolvers: Resolvers = { Product };
