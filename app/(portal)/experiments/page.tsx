import { ExperimentList } from "./experiment-list";

export default function ExperimentsPage() {
  return <ExperimentList />;
}
