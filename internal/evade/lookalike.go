package evade

import "math/rand/v2"

// equivalents is the one table of letters that evaders write for each
// other; the first letter of each class is its representative. LookAlikes
// swaps letters only inside a class (swaps), and key words are compared
// with every letter folded to its representative (foldLetter).
var equivalents = [...][]rune{
	{'ا', 'أ', 'إ', 'آ'},
	{'ي', 'ى', 'ی', 'ے'},
	{'ك', 'ک'},
	{'ه', 'ة', 'ہ', 'ە'},
}

// Equivalents returns the classes of letters that LookAlikes swaps for each
// other, the representative first. Each call returns a new copy.
func Equivalents() [][]rune {
	out := make([][]rune, len(equivalents))
	for i, c := range equivalents {
		out[i] = append([]rune(nil), c...)
	}
	return out
}

// foldLetter returns the representative of r's class, or r.
func foldLetter(r rune) rune {
	for _, c := range equivalents {
		for _, m := range c[1:] {
			if m == r {
				return c[0]
			}
		}
	}
	return r
}

// where says at which letters of a word a swap is made.
type where uint8

const (
	anywhere where = iota
	initial        // the first letter only, unless it is the alef of ال
	final          // the last letter only
)

// swap is one way evaders write the letter from: as the letter to.
type swap struct {
	from, to rune
	at       where
}

// swaps lists the look-alike swaps. Letters that join only on their right
// (ە, ے) are swapped in only at the end of a word, where they look like the
// letter they stand for; ة, and ى in Arabic spelling, end words.
var swaps = [...]swap{
	{'ي', 'ی', anywhere}, // Persian yeh: the same inside a word, dotless at its end
	{'ي', 'ى', final},
	{'ى', 'ي', final},
	{'ى', 'ی', final},
	{'ى', 'ے', final},    // Urdu yeh barree
	{'ك', 'ک', anywhere}, // Persian keheh
	{'ه', 'ہ', anywhere}, // Urdu heh goal
	{'ه', 'ە', final},    // Kurdish ae
	{'ه', 'ة', final},
	{'ة', 'ه', final},
	{'أ', 'ا', anywhere},
	{'إ', 'ا', anywhere},
	{'آ', 'ا', anywhere},
	{'ا', 'أ', initial},
}

// swapAt returns how many swaps apply to the letter at index i of the word
// cl, and the k-th of them.
func swapAt(cl []cluster, i, k int) (count int, to rune) {
	r := cl[i].base
	for _, s := range swaps {
		if s.from != r || s.at == final && i != len(cl)-1 ||
			s.at == initial && (i != 0 || len(cl) > 1 && cl[1].base == 'ل') {
			continue
		}
		if count == k {
			to = s.to
		}
		count++
	}
	return count, to
}

// swappable reports whether letter i of cl has a look-alike there.
func swappable(cl []cluster, i int) bool {
	n, _ := swapAt(cl, i, -1)
	return n > 0
}

// lookAlikes swaps about half the letters that have a look-alike, and at
// least one.
func lookAlikes(cl []cluster, rng *rand.Rand) {
	for _, i := range some(rng, len(cl), 0.5, func(i int) bool { return swappable(cl, i) }) {
		n, _ := swapAt(cl, i, -1)
		_, cl[i].base = swapAt(cl, i, rng.IntN(n))
	}
}

// some returns, in increasing order, the indexes below n for which ok holds,
// each kept with probability p, and at least one when ok holds for any.
func some(rng *rand.Rand, n int, p float64, ok func(i int) bool) []int {
	var picked []int
	eligible := 0
	for i := range n {
		if !ok(i) {
			continue
		}
		eligible++
		if rng.Float64() < p {
			picked = append(picked, i)
		}
	}
	if len(picked) == 0 && eligible > 0 {
		k := rng.IntN(eligible)
		for i := range n {
			if ok(i) {
				if k == 0 {
					return []int{i}
				}
				k--
			}
		}
	}
	return picked
}
