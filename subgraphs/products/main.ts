import { runService } from '../../platform/http/runService';
import { buildProductsService } from './server';

void runService('products', buildProductsService);
