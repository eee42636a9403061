// Builds the UI into ../server/ui/dist, which the Go binary embeds.
// Deterministic: same sources and lockfile, same bytes (no hashes of time,
// no source maps with absolute paths).
import * as esbuild from "esbuild";
import { mkdirSync, rmSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "server", "ui", "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });

await esbuild.build({
  entryPoints: { app: join(here, "src", "main.ts") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: join(out, "assets"),
  loader: { ".json": "json" },
  legalComments: "linked",
  logLevel: "info",
});

copyFileSync(join(here, "index.html"), join(out, "index.html"));
copyFileSync(join(here, "favicon.svg"), join(out, "assets", "favicon.svg"));
// Credits for the bundled libraries and the basemap ship with the assets.
const credits = readFileSync(join(here, "CREDITS.md"), "utf8");
writeFileSync(join(out, "assets", "CREDITS.md"), credits);
