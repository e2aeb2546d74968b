// Session lifetimes, shared by next-auth's config and the cookie reader (which must not import next-auth's config).
export const SESSION_MAX_AGE_SECONDS = Number(process.env.SESSION_MAX_AGE_SECONDS || 7 * 24 * 3600);
/** A session in use is re-issued once it is this old, so nobody is signed out in the middle of their work. */
export const SESSION_UPDATE_AGE_SECONDS = Number(process.env.SESSION_UPDATE_AGE_SECONDS || 24 * 3600);
