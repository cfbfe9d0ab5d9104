-- AlterTable
ALTER TABLE "project" ADD COLUMN "responsible_officer_phone" TEXT NOT NULL DEFAULT '';

-- Phone numbers typed beside the responsible officer's name move to their own column (the same
-- pattern as containsPhoneNumber / splitOfficerAndPhone in packages/schema/src/rules/personal-details.ts).
UPDATE "project" p SET "responsible_officer" = btrim(m[1]), "responsible_officer_phone" = btrim(m[2])
FROM (
  SELECT id, regexp_match("responsible_officer",
    '^(.*?)\s*((?:(?:โทร(?:ศัพท์)?|มือถือ|tel|phone|mobile|ต่อ|ext)\.?\s*:?\s*)?[(+]?[0-9๐-๙][0-9๐-๙\s().\u2010-\u2015-]{2,}[0-9๐-๙].*)$',
    'i') AS m
  FROM "project"
) s
WHERE s.id = p.id AND s.m IS NOT NULL;
