/** A minimal RFC 4180 writer: `,` delimiter, `\n` line ends, quotes only where needed. */
export function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\n") + "\n";
}
