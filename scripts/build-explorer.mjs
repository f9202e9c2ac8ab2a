// Builds the explorer page (src/explorer) into dist/explorer: one bundled ES module with
// Cytoscape.js inside (no CDN: the page works offline), its stylesheet and index.html.
import { bundlePage } from "./bundle-page.mjs";

const out = await bundlePage({ name: "explorer", bundle: "explorer", copy: ["explorer.css"] });
console.log(`explorer built in ${out}`);
