import fs from 'node:fs';
import path from 'node:path';

/** Packages the bundle keeps outside esbuild's output (native, or loaded with require), copied into its node_modules. */
export interface NativePackage {
  name: string;
  /** Top-level entries of the package to copy (all when absent); platform folders are picked by `platformDirs`. */
  keep?: string[];
  /** Folders, relative to the package, that hold one subfolder per platform: only the wanted ones are copied. */
  platformDirs?: { dir: string; name: (platform: string) => string }[];
  /** Its runtime dependencies (those its installer or build scripts need are left out). */
  dependencies: string[];
  /** Per-platform packages (sharp's binaries): copied when installed. */
  platformPackages?: (platform: string) => string[];
}

export const NATIVE_PACKAGES: NativePackage[] = [
  {
    name: 'webgpu',
    keep: ['index.js', 'package.json', 'LICENSE.md', 'dist'],
    // Dawn names macOS's single build darwin-universal.
    platformDirs: [{ dir: 'dist', name: (p) => (p.startsWith('darwin') ? 'darwin-universal' : p) }],
    dependencies: [],
  },
  {
    name: 'onnxruntime-node',
    keep: ['dist', 'bin', 'package.json', 'LICENSE', 'README.md'],
    platformDirs: [{ dir: 'bin/napi-v6', name: (p) => p.replace('-', '/') }],
    dependencies: ['onnxruntime-common'],
  },
  {
    name: 'sharp',
    keep: ['dist', 'lib', 'package.json', 'LICENSE'],
    dependencies: ['@img/colour', 'detect-libc', 'semver'],
    platformPackages: (p) => [`@img/sharp-${p}`, `@img/sharp-libvips-${p}`],
  },
  // Plain JavaScript, but the model package loads it with createRequire (its CommonJS exports defeat ESM).
  { name: 'onnx-proto', dependencies: ['protobufjs'] },
];

/** The folder of `name` as Node would resolve it from `fromDir` (walking up the node_modules folders). */
export function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Where a package found at `source` goes in the bundle: its path after the first node_modules, as installed. */
function targetOf(source: string, outNodeModules: string): string {
  const parts = source.split(path.sep);
  return path.join(outNodeModules, ...parts.slice(parts.indexOf('node_modules') + 1));
}

function copyPlain(name: string, fromDir: string, outNodeModules: string, seen: Set<string>): void {
  const source = findPackageDir(name, fromDir);
  if (!source) throw new Error(`${name} is not installed (needed by the bundle)`);
  if (seen.has(source)) return;
  seen.add(source);
  fs.cpSync(source, targetOf(source, outNodeModules), {
    recursive: true,
    filter: (file) => !file.slice(source.length).includes(`${path.sep}node_modules`),
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies ?? {}))
    copyPlain(dependency, source, outNodeModules, seen);
}

/** Copies one native package with only the wanted platforms' binaries, and its runtime dependencies. */
export function copyNativePackage(
  spec: NativePackage,
  fromDir: string,
  outNodeModules: string,
  platforms: string[],
): string[] {
  const source = findPackageDir(spec.name, fromDir);
  if (!source) throw new Error(`${spec.name} is not installed (needed by the bundle)`);
  const target = targetOf(source, outNodeModules);
  const platformRoots = new Map(
    (spec.platformDirs ?? []).map((d) => [path.join(source, d.dir), new Set(platforms.map(d.name))]),
  );
  const copied: string[] = [];
  fs.cpSync(source, target, {
    recursive: true,
    filter: (file) => {
      const relative = path.relative(source, file);
      if (!relative) return true;
      const [top] = relative.split(path.sep);
      if (top === 'node_modules' || (spec.keep && !spec.keep.includes(top))) return false;
      for (const [root, wanted] of platformRoots) {
        if (!file.startsWith(`${root}${path.sep}`)) continue;
        const inner = path.relative(root, file);
        // Keep a platform folder, and its parents (bin/napi-v6/linux for linux/x64).
        const ok = [...wanted].some(
          (w) => inner === w || inner.startsWith(`${w}${path.sep}`) || w.startsWith(`${inner}/`),
        );
        if (!ok) return false;
        if ([...wanted].includes(inner)) copied.push(path.join(spec.name, path.relative(source, file)));
      }
      return true;
    },
  });
  const seen = new Set<string>([source]);
  for (const dependency of spec.dependencies) copyPlain(dependency, source, outNodeModules, seen);
  for (const platform of platforms)
    for (const name of spec.platformPackages?.(platform) ?? []) {
      if (!findPackageDir(name, source)) {
        // npm installs only this machine's: the bundle then cannot decode images on that platform.
        console.warn(
          `warning: ${name} is not installed here, so the bundle has no ${spec.name} for ${platform}`,
        );
        continue;
      }
      copyPlain(name, source, outNodeModules, seen);
      copied.push(name);
    }
  return copied;
}
