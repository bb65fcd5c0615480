/**
 * Writes a set of files under a fresh folder: each subfolder created once, the
 * files written a few at a time in parallel. A file whose content equals the
 * same path in `previous` (the folder being replaced) is hard-linked from it
 * instead, so it keeps its inode and modification time.
 */
import { mkdirSync } from "node:fs";
import { link, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFile } from "./output-file.js";

/** Files written at once: enough to keep the disk and libuv's threads busy, few enough to stay far from the open-file limit. */
const PARALLEL = 16;

type TreeFile = OutputFile<string | Uint8Array>;

/** Whether `file` holds exactly `content` (false when it cannot be read). */
async function holds(file: string, content: string | Uint8Array): Promise<boolean> {
  const wanted = typeof content === "string" ? Buffer.from(content) : content;
  try {
    const existing = await readFile(file);
    return existing.length === wanted.length && existing.equals(wanted);
  } catch {
    return false;
  }
}

async function put(root: string, f: TreeFile, previous: string | null): Promise<void> {
  const target = path.join(root, f.path);
  if (previous !== null) {
    const old = path.join(previous, f.path);
    if (await holds(old, f.content)) {
      try {
        await link(old, target);
        return;
      } catch {
        // No hard links on this file system (FAT, some shares): write it.
      }
    }
  }
  // Encoded here: fs.writeFileSync(path, string) is ten times slower on the long strings the renderers build.
  await writeFile(target, typeof f.content === "string" ? Buffer.from(f.content) : f.content);
}

/**
 * Writes `files` (relative `/`-separated paths) under `root`, which exists and
 * is empty. Once `stop` is aborted no new write starts; it throws after those
 * in flight have finished.
 */
export async function writeTree(root: string, files: readonly TreeFile[], previous: string | null = null, stop?: AbortSignal): Promise<void> {
  const folders = new Set<string>();
  for (const f of files) {
    const dir = path.posix.dirname(f.path);
    if (dir !== ".") folders.add(dir);
  }
  for (const dir of [...folders].sort()) mkdirSync(path.join(root, dir), { recursive: true });
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (next < files.length && failure === null && stop?.aborted !== true) {
      const f = files[next++]!;
      try {
        await put(root, f, previous);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  // Every worker has stopped before the caller cleans up: no write lands in a folder being removed.
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  if (stop?.aborted === true) throw new Error("interrupted");
}
