// Bench data in bulk, with SQL: 10k experiments and 100k runs with params and tags in one project.
import type postgres from "postgres";

export async function seedBenchData(sql: postgres.Sql, { projectId, userId, experiments, runsPerExperiment }: {
  projectId: string;
  userId: string;
  experiments: number;
  runsPerExperiment: number;
}): Promise<void> {
  await sql`
    insert into experiments (project_id, name, description, type, status, tags, metadata, created_by, created_at, updated_at)
    select ${projectId}, 'Experiment ' || g,
      'Bench experiment ' || g || ' on ' || (array['thermal drift','optics alignment','vacuum leak','acoustic damping'])[1 + g % 4],
      (array['calibration','characterisation','endurance'])[1 + g % 3],
      (array['draft','active','completed'])[1 + g % 3],
      array['bench', 'group-' || (g % 20)],
      jsonb_build_object('bench', g % 7),
      ${userId}, now() - make_interval(mins => g), now() - make_interval(mins => g)
    from generate_series(1, ${experiments}) g`;
  await sql`
    insert into runs (project_id, experiment_id, name, status, params, metadata, tags, started_at, created_at, created_by)
    select e.project_id, e.id, 'Run ' || r,
      (array['draft','running','succeeded','failed'])[1 + r % 4],
      jsonb_build_object('lr', ((r * 7) % 100) / 1000.0, 'batch', 16 * (1 + r % 8), 'optimizer', (array['adam','sgd','rmsprop'])[1 + r % 3]),
      jsonb_build_object('bench', true),
      array['seed-' || (r % 5)],
      case when r % 4 = 0 then null else e.created_at + make_interval(secs => r) end,
      e.created_at + make_interval(secs => r), ${userId}
    from experiments e cross join generate_series(1, ${runsPerExperiment}) r
    where e.project_id = ${projectId}`;
  // A bulk load leaves autovacuum due on both tables and a checkpoint's worth of dirty pages: settle both now, so
  // neither lands in the middle of the first measurement. CHECKPOINT needs a superuser; without one, skip it.
  await sql`vacuum (analyze) experiments`;
  await sql`vacuum (analyze) runs`;
  await sql`checkpoint`.catch(() => undefined);
}
