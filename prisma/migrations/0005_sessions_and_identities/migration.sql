-- AlterTable
ALTER TABLE "shoppers"."shopper" ADD COLUMN     "identity_issuer" VARCHAR(300),
ADD COLUMN     "identity_subject" VARCHAR(300),
ADD COLUMN     "merged_into_id" UUID,
ALTER COLUMN "token_hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "shoppers"."session" (
    "token_hash" CHAR(64) NOT NULL,
    "shopper_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" VARCHAR(16),

    CONSTRAINT "session_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "session_shopper_id_idx" ON "shoppers"."session"("shopper_id");

-- CreateIndex
CREATE INDEX "shopper_last_seen_at_idx" ON "shoppers"."shopper"("last_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "shopper_identity_issuer_identity_subject_key" ON "shoppers"."shopper"("identity_issuer", "identity_subject");

-- AddForeignKey
ALTER TABLE "shoppers"."session" ADD CONSTRAINT "session_shopper_id_fkey" FOREIGN KEY ("shopper_id") REFERENCES "shoppers"."shopper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing sessions keep working: every non-synthetic shopper's token becomes its first session.
INSERT INTO "shoppers"."session" ("token_hash", "shopper_id", "created_at", "last_seen_at")
SELECT "token_hash", "id", "created_at", "last_seen_at" FROM "shoppers"."shopper"
WHERE "token_hash" IS NOT NULL AND NOT "synthetic";
