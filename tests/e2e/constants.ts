/** National staff made before the journeys' app starts (playwright.config.ts); sign in as them in admin journeys. */
export const E2E_ADMIN_EMAIL = "ella.baker@example.org";
