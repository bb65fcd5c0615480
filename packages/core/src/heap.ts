/** Binary min-heap of nodes keyed by (major, minor), then node id; duplicates allowed (lazy deletion). */
import { f64, i32 } from "./at.js";

export class Heap {
  private nodes: Int32Array;
  private majors: Float64Array;
  private minors: Float64Array;
  size = 0;
  poppedMajor = 0;
  poppedMinor = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.majors = new Float64Array(this.nodes.length);
    this.minors = new Float64Array(this.nodes.length);
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, major: number, minor: number): void {
    if (this.size === this.nodes.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(major, minor, node, p)) break;
      this.nodes[i] = i32(this.nodes, p);
      this.majors[i] = f64(this.majors, p);
      this.minors[i] = f64(this.minors, p);
      i = p;
    }
    this.nodes[i] = node;
    this.majors[i] = major;
    this.minors[i] = minor;
  }

  /** Removes the smallest entry; its key is left in `poppedMajor`/`poppedMinor`. */
  pop(): number {
    const top = i32(this.nodes, 0);
    this.poppedMajor = f64(this.majors, 0);
    this.poppedMinor = f64(this.minors, 0);
    const last = --this.size;
    const node = i32(this.nodes, last);
    const major = f64(this.majors, last);
    const minor = f64(this.minors, last);
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.before(f64(this.majors, c + 1), f64(this.minors, c + 1), i32(this.nodes, c + 1), c)) c++;
      if (!this.before(f64(this.majors, c), f64(this.minors, c), i32(this.nodes, c), -1, major, minor, node)) break;
      this.nodes[i] = i32(this.nodes, c);
      this.majors[i] = f64(this.majors, c);
      this.minors[i] = f64(this.minors, c);
      i = c;
    }
    this.nodes[i] = node;
    this.majors[i] = major;
    this.minors[i] = minor;
    return top;
  }

  /** Whether key (major, minor, node) comes before slot `j` (or before the explicit key when j = -1). */
  private before(major: number, minor: number, node: number, j: number, jMajor = 0, jMinor = 0, jNode = 0): boolean {
    const bMajor = j >= 0 ? f64(this.majors, j) : jMajor;
    const bMinor = j >= 0 ? f64(this.minors, j) : jMinor;
    const bNode = j >= 0 ? i32(this.nodes, j) : jNode;
    return major < bMajor || (major === bMajor && (minor < bMinor || (minor === bMinor && node < bNode)));
  }

  private grow(): void {
    const size = this.nodes.length * 2;
    const nodes = new Int32Array(size);
    const majors = new Float64Array(size);
    const minors = new Float64Array(size);
    nodes.set(this.nodes);
    majors.set(this.majors);
    minors.set(this.minors);
    this.nodes = nodes;
    this.majors = majors;
    this.minors = minors;
  }
}
