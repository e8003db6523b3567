import { runService } from '../../platform/http/runService';
import { buildRecommendationsService } from './server';

void runService('recommendations', buildRecommendationsService);
