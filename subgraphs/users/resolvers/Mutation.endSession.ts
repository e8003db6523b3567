import { unauthenticated } from '../../../platform/errors';
import type { MutationResolvers } from '../generated/resolvers-types';

// Ends the token sent with the request (sign-out). Ending one that already
// stopped working is not an error: the outcome the client wants holds.
export const endSession: MutationResolvers['endSession'] = async (_parent, _args, { sessions, sessionToken }) => {
  if (!sessionToken) throw unauthenticated('Send the token to end in the x-session-token header', 'SESSION_MISSING');
  return sessions.end(sessionToken, 'ENDED');
};
