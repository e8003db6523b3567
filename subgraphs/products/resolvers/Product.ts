import { availability } from '../domain/availability';
import { displayGtin } from '../domain/gtin';
import { parseCircle } from '../domain/listingArgs';
import { discountAmount, effectivePrice, formatMoney, hasDiscount } from '../domain/pricing';
import type { ProductImage } from '../domain/productChanges';
import type { Nutrition } from '../domain/productInput';
import type { DietaryTag, ProductKind, ProductResolvers, SustainabilityLabel } from '../generated/resolvers-types';

export const Product: ProductResolvers = {
  // The gateway asks for many products at once; the loader turns them into one query.
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  gtin: (product) => (product.gtin ? displayGtin(product.gtin) : null),
  price: (product) => formatMoney(product.price),
  category: (product, _args, { loaders }) => (product.categoryId ? loaders.categoryById.load(product.categoryId) : null),
  discount: ({ price, discountPercent }) =>
    hasDiscount(discountPercent) ? { percent: discountPercent.toString(), amount: formatMoney(discountAmount(price, discountPercent)) } : null,
  effectivePrice: ({ price, discountPercent }) => formatMoney(effectivePrice(price, discountPercent)),
  compareAtPrice: ({ price, discountPercent }) => (hasDiscount(discountPercent) ? formatMoney(price) : null),
  images: (product) => product.images as unknown as ProductImage[],
  availability: (product) => availability(product.stockQuantity, product.archivedAt),
  rating: (product) => product.rating?.toNumber() ?? null,
  dietaryTags: (product) => product.dietaryTags as DietaryTag[],
  kind: (product) => product.kind as ProductKind,
  nutrition: (product) => {
    const nutrition = product.nutrition as Nutrition | null;
    return nutrition ? { ...nutrition, nutriScore: nutrition.nutriScore ?? null, extras: nutrition.extras ?? null } : null;
  },
  sustainability: ({ sustainabilityScore, carbonFootprintKg, sustainabilityLabels }) =>
    sustainabilityScore === null && carbonFootprintKg === null && sustainabilityLabels.length === 0
      ? null
      : { score: sustainabilityScore, carbonFootprintKg: carbonFootprintKg?.toNumber() ?? null, labels: sustainabilityLabels as SustainabilityLabel[] },
  archived: (product) => product.archivedAt !== null,
  availableNear: (product, { location, radiusKm }, { loaders }) =>
    loaders.storesStocking(parseCircle(location, radiusKm, 'location')).load(product.id),
};
