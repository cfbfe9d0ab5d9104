-- A KPI's kept achievement (percent of its target) can exceed what numeric(14,2) holds: the figure
-- and the target are each bounded by numeric(14,2), their ratio is not (999,999,999,999.99 against
-- a target of 5 answered 500). numeric(24,2) holds any ratio of two such amounts, times 100.
ALTER TABLE "indicator" ALTER COLUMN "achievement" SET DATA TYPE DECIMAL(24,2);
