// Bundles the JavaScript islands into the application's static resources.
// Usage: node build.mjs [outDir]   (default: ../../../target/classes/static, where Maven puts resources)
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || resolve(here, '../../../target/classes/static'));
const started = Date.now();

const common = { bundle: true, minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning' };

await Promise.all([
  // IIFE bundles that set window.LinliDiagram / window.LinliForms / window.LinliCharts
  build({ ...common, entryPoints: { diagram: 'src/diagram.js', forms: 'src/forms.js', charts: 'src/charts.js' },
    outdir: `${out}/js`, format: 'iife', target: 'es2020' }),
  // the vendor CSS with its fonts next to it
  build({ ...common, entryPoints: { 'bpmn-js': 'src/bpmn-js.css', 'form-js': 'src/form-js.css' },
    outdir: `${out}/css/vendor`, loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    assetNames: '[name]-[hash]' }),
  // htmx ships its own minified build, which sets window.htmx
  mkdir(`${out}/js`, { recursive: true })
    .then(() => copyFile(resolve(here, 'node_modules/htmx.org/dist/htmx.min.js'), `${out}/js/htmx.min.js`)),
]);

console.log(`linli-frontend: bundles written to ${out} in ${Date.now() - started} ms`);
