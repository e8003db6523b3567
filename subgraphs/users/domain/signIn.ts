import type { Prisma } from '../../../prisma/generated/client/client';
import type { LockedCart } from '../data/cartRepository';
import type { SessionRepository } from '../data/sessionRepository';
import type { Shopper, ShopperRepository } from '../data/shopperRepository';
import type { IdTokenVerifier } from '../identity/idTokens';
import type { CartService } from './cartService';
import { mergedPreferences, mergedQuantity } from './shopperMerge';

export interface SignInResult {
  token: string;
  shopper: Shopper;
  /** True when this very call merged an anonymous shopper into the known one. */
  merged: boolean;
}

/**
 * Sign-in with the app's identity provider: the verified subject becomes (or
 * is) a known shopper; the anonymous shopper behind the session token sent
 * along is merged into it, once; a new token is issued and the one sent is
 * ended (rotation). All of it in the known cart's transaction, under its lock
 * and the anonymous shopper's row lock, so a retried or concurrent sign-in
 * finds the merge done and changes nothing.
 */
export class SignInService {
  constructor(
    private readonly verifier: IdTokenVerifier,
    private readonly shoppers: ShopperRepository,
    private readonly sessions: SessionRepository,
    private readonly carts: CartService,
  ) {}

  async signIn(idToken: string, presentedToken: string | undefined): Promise<SignInResult> {
    const identity = await this.verifier.verify(idToken);
    const known = await this.shoppers.findOrCreateKnown(identity);
    const { token, merged } = await this.carts.changeWith(known.id, 'signIn', async (cart) => {
      const tx = cart.transaction;
      let merged = false;
      if (presentedToken) {
        const presented = await this.sessions.inspect(presentedToken, tx);
        // Only a live anonymous session is merged; an expired one has nothing its holder could still use.
        if (presented && presented.refusal === null && presented.shopperId !== known.id) {
          merged = await mergeAnonymous(tx, cart, presented.shopperId, known.id);
        }
        await this.sessions.end(presentedToken, 'SIGNED_IN', tx);
      }
      return { token: await this.sessions.issue(known.id, tx), merged };
    });
    const [shopper] = await this.shoppers.findByIds([known.id]);
    return { token, shopper: shopper!, merged };
  }
}

/** Moves an anonymous shopper's cart, unset preferences and history into the known shopper; false when there is nothing to merge any more. */
async function mergeAnonymous(tx: Prisma.TransactionClient, cart: LockedCart, fromId: string, toId: string): Promise<boolean> {
  // The anonymous shopper's row lock serialises concurrent sign-ins with its token.
  const [from] = await tx.$queryRaw<{ identity_subject: string | null; merged_into_id: string | null; synthetic: boolean }[]>`
    SELECT identity_subject, merged_into_id, synthetic FROM "shoppers"."shopper" WHERE id = ${fromId}::uuid FOR UPDATE`;
  if (!from || from.identity_subject !== null || from.merged_into_id !== null || from.synthetic) return false;
  await tx.$queryRaw`SELECT 1 FROM "shoppers"."cart" WHERE shopper_id = ${fromId}::uuid FOR UPDATE`;

  const items = await tx.cartItem.findMany({ where: { cart: { shopperId: fromId } }, orderBy: { addedAt: 'asc' } });
  for (const item of items) {
    const existing = cart.item(item.productId);
    if (existing) {
      await cart.setQuantity(item.productId, mergedQuantity(existing.quantity, item.quantity));
    } else {
      await cart.putItem(item.productId, mergedQuantity(undefined, item.quantity), {
        unitPrice: item.unitPrice.toString(),
        listPrice: item.listPrice.toString(),
        currency: item.currency,
        sustainabilityScore: item.sustainabilityScore,
      });
    }
  }
  if (items.length > 0) await tx.cartItem.deleteMany({ where: { cart: { shopperId: fromId } } });

  const [anonymous, known] = await Promise.all([
    tx.shopper.findUniqueOrThrow({ where: { id: fromId } }),
    tx.shopper.findUniqueOrThrow({ where: { id: toId } }),
  ]);
  const preferences = mergedPreferences(known, anonymous);
  await tx.shopper.update({
    where: { id: toId },
    data: { ...(preferences as Prisma.ShopperUpdateInput), lastSeenAt: new Date() },
  });
  await tx.interactionEvent.updateMany({ where: { shopperId: fromId }, data: { shopperId: toId } });
  await tx.order.updateMany({ where: { shopperId: fromId }, data: { shopperId: toId } });
  await tx.shopper.update({ where: { id: fromId }, data: { mergedIntoId: toId } });
  return true;
}
