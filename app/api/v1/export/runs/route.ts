import { handleRunExport } from "@/server/export/http";

export { handleRunExport as GET };
