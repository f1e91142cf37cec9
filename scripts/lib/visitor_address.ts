// Storefront RPCs are rate limited per client address (the first X-Forwarded-For entry): a
// benchmark that poses as many visitors gives each its own documentation-range address.

/** The n-th visitor's address in 198.18.0.0/15 (benchmarking range, RFC 2544). */
export function visitorAddress(n: number): string {
  const i = n % (2 * 65536);
  return `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
}
