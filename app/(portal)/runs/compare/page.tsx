import { RunCompare } from "./run-compare";

type Search = Record<string, string | string[] | undefined>;

// ?project=<projectId>&ids=<id1>,<id2>,… (a repeated ids= works too).
export default async function CompareRunsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { project, ids } = await searchParams;
  return <RunCompare project={Array.isArray(project) ? project[0] : project} ids={Array.isArray(ids) ? ids.join(",") : ids} />;
}
