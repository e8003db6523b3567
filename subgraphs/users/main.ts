import { runService } from '../../platform/http/runService';
import { buildUsersService } from './server';

void runService('users', buildUsersService);
