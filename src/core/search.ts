/** Index of the token whose [start, end) holds `offset`, or -1. Binary search over sorted starts. */
export function tokenAt(starts: ArrayLike<number>, ends: ArrayLike<number>, count: number, offset: number): number {
	let lo = 0;
	let hi = count - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		if (starts[mid] > offset) {
			hi = mid - 1;
		} else if (ends[mid] <= offset) {
			lo = mid + 1;
		} else {
			return mid;
		}
	}
	return -1;
}
