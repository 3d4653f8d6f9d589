// `npx vitest run` from the repo root uses the web package's config (root: web/).
export { default } from './web/vite.config.ts';
