import type { MutationResolvers } from '../generated/resolvers-types';

export const signIn: MutationResolvers['signIn'] = (_parent, { idToken }, { signIns, sessionToken }) => signIns.signIn(idToken, sessionToken);
