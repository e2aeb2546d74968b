import { router } from "../init";

export const captureSessionRouter = router({});
