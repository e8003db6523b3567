import type { ExperimentResolvers, ExperimentVariantResolvers, VariantComparisonResolvers } from '../generated/resolvers-types';
import { shareOf } from '../experiments/experimentDefinition';

export const Experiment: ExperimentResolvers = {
  variants: (experiment) => experiment.variants.map((variant) => ({ ...variant, share: shareOf(experiment, variant.key) })),
  // Impressions still buffered on this replica are written first, so a report
  // read right after serving includes them (other replicas' follow within
  // their flush interval).
  report: async (experiment, _args, context) => {
    await context.impressions.flush();
    return context.reports.compute(experiment);
  },
};

export const ExperimentVariant: ExperimentVariantResolvers = {
  share: (variant) => (variant as { share?: number }).share ?? 0,
};

export const VariantComparison: VariantComparisonResolvers = {
  zScore: (comparison) => comparison.z,
};
