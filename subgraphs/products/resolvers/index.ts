import { DateTimeScalar, DecimalScalar } from '../../../platform/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Category } from './Category';
import { archiveProduct } from './Mutation.archiveProduct';
import { createCategory } from './Mutation.createCategory';
import { createProduct } from './Mutation.createProduct';
import { createStore } from './Mutation.createStore';
import { deleteCategory } from './Mutation.deleteCategory';
import { deleteStore } from './Mutation.deleteStore';
import { importProducts } from './Mutation.importProducts';
import { setStock } from './Mutation.setStock';
import { setStoreProducts } from './Mutation.setStoreProducts';
import { updateCategory } from './Mutation.updateCategory';
import { updateProduct } from './Mutation.updateProduct';
import { updateStore } from './Mutation.updateStore';
import { Product } from './Product';
import { ProductConnection } from './ProductConnection';
import { ProductEdge } from './ProductEdge';
import { categories } from './Query.categories';
import { category } from './Query.category';
import { product } from './Query.product';
import { productByGtin } from './Query.productByGtin';
import { productBySku } from './Query.productBySku';
import { productsBySku } from './Query.productsBySku';
import { products } from './Query.products';
import { store } from './Query.store';
import { allStores } from './Query.allStores';
import { stores } from './Query.stores';
import { Store } from './Store';

export const resolvers: Resolvers = {
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Query: { product, productBySku, productByGtin, productsBySku, products, categories, category, stores, store, allStores },
  Mutation: {
    createProduct,
    updateProduct,
    archiveProduct,
    setStock,
    createCategory,
    updateCategory,
    deleteCategory,
    createStore,
    updateStore,
    deleteStore,
    setStoreProducts,
    importProducts,
  },
  Product,
  Category,
  Store,
  ProductConnection,
  ProductEdge,
};
