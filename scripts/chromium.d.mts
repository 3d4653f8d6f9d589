/** Debian's Chromium and the flags every runner launches it with (scripts/chromium.mjs). */
export const chromiumLaunchOptions: { executablePath: string; args: string[] };
