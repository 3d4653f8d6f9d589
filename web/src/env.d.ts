// The page's build-time flags (Vite `define`, set in vite.config.ts and vite.single.config.ts).
interface ImportMetaEnv {
  /** True in the single self-contained HTML file (vite.single.config.ts), false elsewhere: it
   *  carries no service worker and asks the user for the datasets it does not inline. */
  readonly SINGLE_FILE: boolean;
}
