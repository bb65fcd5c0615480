/**
 * A zip archive (the container of an .xlsx workbook) from named parts: each
 * part deflated on its own, every entry dated 1980-01-01 00:00 (the format's
 * first instant), so the same parts give the same bytes. No zip64: a part and
 * the archive stay under 4 GB, far beyond what roadshow writes.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One file of the archive. */
export interface ZipPart {
  readonly path: string;
  readonly data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day. */
const DOS_DATE = (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const UTF8 = 0x0800;
const DEFLATE = 8;

/** An archive being written: each part is compressed as it is added, so only compressed bytes are held. */
export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly central: Uint8Array[] = [];
  private offset = 0;

  add(part: ZipPart): void {
    const name = Buffer.from(part.path, "utf8");
    const packed = deflateRawSync(part.data, { level: 1 });
    const crc = crc32(part.data);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    name.copy(local, 30);
    const entry = Buffer.alloc(46 + name.length);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8, 8);
    entry.writeUInt16LE(DEFLATE, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes: all 0
    entry.writeUInt32LE(this.offset, 42);
    name.copy(entry, 46);
    this.chunks.push(local, packed);
    this.central.push(entry);
    this.offset += local.length + packed.length;
  }

  /** The archive's bytes, parts in the order added. */
  bytes(): Uint8Array {
    const size = this.central.reduce((n, c) => n + c.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(this.offset, 16);
    return new Uint8Array(Buffer.concat([...this.chunks, ...this.central, end]));
  }
}
