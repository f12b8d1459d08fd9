-- The worker process (host:pid) running a job's current attempt: a restarted worker hands back the jobs of a
-- dead process on its host at once, instead of waiting for their heartbeat to go stale.
ALTER TABLE "Job" ADD COLUMN "worker" TEXT;
