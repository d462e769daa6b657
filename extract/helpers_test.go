package extract

import "unsafe"

// sameString reports whether a and b are the same bytes in memory: b is a
// substring view of the same text, not a copy.
func sameString(a, b string) bool {
	return a == b && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}
