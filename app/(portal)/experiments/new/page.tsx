import { NewExperiment } from "./new-experiment";

export default function NewExperimentPage() {
  return <NewExperiment />;
}
