import { router } from "../init";

export const runRouter = router({});
