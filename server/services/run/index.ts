// The run service: creation and tags, status changes, reads, comparison.
export { create, bulkTags } from "./write";
export { transitionRun, start, complete, fail, archive, batchStatus } from "./transition";
export { byId, list, paramKeys, history } from "./read";
export { compare } from "./compare";
