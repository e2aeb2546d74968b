import { handleExperimentExport } from "@/server/export/http";

export { handleExperimentExport as GET };
