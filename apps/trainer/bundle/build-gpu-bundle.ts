// `npm run bundle:gpu -w @dermino/trainer [-- --out <dir>] [--platforms linux-x64,linux-arm64]`: the GPU trainer as
// a folder that runs with only Node 20+ and a GPU driver (see bundle/README.bundle.md, copied in as README.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { copyNativePackage, findPackageDir, NATIVE_PACKAGES } from './copy-native.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(appDir, '../..');
const KNOWN_PLATFORMS = [
  'linux-x64',
  'linux-arm64',
  'darwin-arm64',
  'darwin-x64',
  'win32-x64',
  'win32-arm64',
];

function parseArgs(argv: string[]): { out: string; platforms: string[] } {
  let out = path.join(appDir, 'dist/gpu-bundle');
  let platforms = ['linux-x64'];
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--out' && value) out = path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
    else if (argv[i] === '--platforms' && value) platforms = value.split(',');
    else
      throw new Error(
        `unknown argument "${argv[i]}"; usage: build-gpu-bundle [--out <dir>] [--platforms ${KNOWN_PLATFORMS.join(',')}]`,
      );
    i++;
  }
  const unknown = platforms.find((p) => !KNOWN_PLATFORMS.includes(p));
  if (unknown)
    throw new Error(`--platforms: unknown platform "${unknown}"; known: ${KNOWN_PLATFORMS.join(', ')}`);
  return { out, platforms };
}

/** packages/db finds prisma/migrations three folders above its source; in the bundle they sit beside lib/. */
const migrationsPath: Plugin = {
  name: 'migrations-path',
  setup(esbuild) {
    esbuild.onLoad({ filter: /packages[\\/]db[\\/]src[\\/]migrate\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const from = "new URL('../../../prisma/migrations', import.meta.url)";
      if (!source.includes(from))
        throw new Error(`${args.path} no longer has ${from}: update the bundle's migrations-path plugin`);
      return {
        contents: source.replace(from, "new URL('../prisma/migrations', import.meta.url)"),
        loader: 'ts',
      };
    });
  },
};

/**
 * A CommonJS package imported with `await import()` becomes a chunk with only a default export (esbuild's split
 * chunks do not copy its named exports, which Node itself does): tfjs-backend-webgpu's ES module build keeps
 * `const { WebGPUBackend } = await import(...)` working.
 */
const webgpuBackendAsModule: Plugin = {
  name: 'webgpu-backend-esm',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@tensorflow\/tfjs-backend-webgpu$/ }, (args) => {
      const dir = findPackageDir('@tensorflow/tfjs-backend-webgpu', args.resolveDir);
      if (!dir) throw new Error('@tensorflow/tfjs-backend-webgpu is not installed');
      return {
        path: path.join(dir, JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).module),
      };
    });
  },
};

// CommonJS packages inside the ESM output call require() and read __dirname (tfjs-backend-wasm finds its .wasm files there).
const banner = [
  "import { createRequire as __bundleRequire } from 'node:module';",
  "import { fileURLToPath as __bundlePath } from 'node:url';",
  'const require = __bundleRequire(import.meta.url);',
  'const __filename = __bundlePath(import.meta.url);',
  "const __dirname = __bundlePath(new URL('.', import.meta.url));",
].join('\n');

export async function buildGpuBundle(options: { out: string; platforms: string[] }): Promise<void> {
  const { out, platforms } = options;
  fs.rmSync(out, { recursive: true, force: true });
  const lib = path.join(out, 'lib');
  await build({
    entryPoints: { dermino: path.join(appDir, 'bundle/gpu-entry.ts') },
    outdir: lib,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [
      ...NATIVE_PACKAGES.map((p) => p.name),
      '@tensorflow/tfjs-node',
      '@tensorflow/tfjs-node-gpu',
      '@electric-sql/pglite',
      '@electric-sql/pglite-pgvector',
      'pg-native',
    ],
    banner: { js: banner },
    plugins: [migrationsPath, webgpuBackendAsModule],
    logLevel: 'warning',
    legalComments: 'none',
  });
  fs.writeFileSync(path.join(out, 'dermino.mjs'), "#!/usr/bin/env node\nimport './lib/dermino.mjs';\n", {
    mode: 0o755,
  });
  const wasmDir = path.join(findPackageDir('@tensorflow/tfjs-backend-wasm', appDir) ?? '', 'dist');
  for (const file of fs.readdirSync(wasmDir).filter((f) => f.endsWith('.wasm')))
    fs.copyFileSync(path.join(wasmDir, file), path.join(lib, file));
  fs.cpSync(path.join(repoDir, 'prisma/migrations'), path.join(out, 'prisma/migrations'), {
    recursive: true,
  });
  const binaries = NATIVE_PACKAGES.flatMap((spec) =>
    copyNativePackage(spec, appDir, path.join(out, 'node_modules'), platforms),
  );
  fs.copyFileSync(path.join(appDir, 'bundle/README.bundle.md'), path.join(out, 'README.md'));
  console.log(`GPU bundle in ${out} for ${platforms.join(', ')}: ${binaries.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await Promise.resolve()
    .then(() => buildGpuBundle(parseArgs(process.argv.slice(2))))
    .catch((error: Error) => {
      console.error(`bundle:gpu: ${error.message}`);
      process.exit(1);
    });
}
