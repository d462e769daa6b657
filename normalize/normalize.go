package normalize

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Normalizer folds Arabic-script text as people type it into one canonical
// form. It is immutable after New and safe for concurrent use.
type Normalizer struct {
	groups   group // enabled groups of the table
	lower    bool  // lowercase cased letters
	collapse bool  // collapse runs of 3+ of one Arabic letter
	nfkc     bool  // decompose presentation forms and ligatures
	version  string
	// low folds every rune below 0x800 (ASCII, Latin, Greek, Cyrillic and
	// the Arabic block): the rune itself, drop, or its representative.
	low [0x800]rune
	// same[b] reports that the ASCII byte b is left as it is.
	same [utf8.RuneSelf]bool
	// info caches, for every rune below 0x800, whether it is left as it is
	// and whether it is an Arabic letter (which elongation runs count).
	info [0x800]uint8
	// high folds the few table runes at or above 0x800.
	high map[rune]rune
}

// Option changes what a Normalizer folds. Options switch groups of the table
// off; they never reorder the steps.
type Option func(*Normalizer)

// KeepDiacritics keeps tashkeel, dagger alef and Quranic marks.
func KeepDiacritics() Option { return func(n *Normalizer) { n.groups &^= groupDiacritics } }

// KeepTatweel keeps U+0640 ARABIC TATWEEL.
func KeepTatweel() Option { return func(n *Normalizer) { n.groups &^= groupTatweel } }

// KeepInvisible keeps zero-width, bidi-control, BOM, soft-hyphen and
// variation-selector characters.
func KeepInvisible() Option { return func(n *Normalizer) { n.groups &^= groupInvisible } }

// KeepHamza keeps أ إ آ ؤ ئ and the combining hamza and madda.
func KeepHamza() Option { return func(n *Normalizer) { n.groups &^= groupHamza } }

// KeepAlefVariants keeps alef wasla ٱ and the wavy-hamza alefs.
func KeepAlefVariants() Option { return func(n *Normalizer) { n.groups &^= groupAlef } }

// KeepAlefMaksura keeps ى instead of folding it to ي.
func KeepAlefMaksura() Option { return func(n *Normalizer) { n.groups &^= groupAlefMaksura } }

// KeepTehMarbuta keeps ة instead of folding it to ه.
func KeepTehMarbuta() Option { return func(n *Normalizer) { n.groups &^= groupTehMarbuta } }

// KeepPersianLetters keeps Persian, Kurdish, Urdu and Maghrebi letters.
func KeepPersianLetters() Option { return func(n *Normalizer) { n.groups &^= groupPersian } }

// KeepDigits keeps Arabic-Indic, Extended Arabic-Indic and fullwidth digits.
func KeepDigits() Option { return func(n *Normalizer) { n.groups &^= groupDigits } }

// KeepPunctuation keeps ، ؛ ؟ and the other Arabic punctuation.
func KeepPunctuation() Option { return func(n *Normalizer) { n.groups &^= groupPunct } }

// KeepWidth keeps fullwidth ASCII letters and symbols.
func KeepWidth() Option { return func(n *Normalizer) { n.groups &^= groupWidth } }

// KeepCase keeps upper-case letters.
func KeepCase() Option { return func(n *Normalizer) { n.lower = false } }

// KeepElongation keeps runs of three or more of the same Arabic letter.
func KeepElongation() Option { return func(n *Normalizer) { n.collapse = false } }

// KeepPresentationForms keeps Arabic presentation forms and ligatures
// (U+FB50–FDFF, U+FE70–FEFC) instead of decomposing them with NFKC.
func KeepPresentationForms() Option { return func(n *Normalizer) { n.nfkc = false } }

// tableVersion changes whenever the table or a step of the default changes.
const tableVersion = "1"

// optionNames lists the switchable groups in a fixed order for Version.
var optionNames = []struct {
	g    group
	name string
}{
	{groupDiacritics, "keep-diacritics"},
	{groupTatweel, "keep-tatweel"},
	{groupInvisible, "keep-invisible"},
	{groupHamza, "keep-hamza"},
	{groupAlef, "keep-alef-variants"},
	{groupAlefMaksura, "keep-alef-maksura"},
	{groupTehMarbuta, "keep-teh-marbuta"},
	{groupPersian, "keep-persian"},
	{groupDigits, "keep-digits"},
	{groupPunct, "keep-punctuation"},
	{groupWidth, "keep-width"},
}

const allGroups = groupSpace | groupInvisible | groupDiacritics | groupTatweel | groupHamza | groupAlef |
	groupAlefMaksura | groupTehMarbuta | groupPersian | groupDigits | groupPunct | groupWidth

// New returns a Normalizer with the default folds less those the options
// switch off. Options cannot fail.
func New(opts ...Option) *Normalizer {
	n := &Normalizer{groups: allGroups, lower: true, collapse: true, nfkc: true}
	for _, o := range opts {
		if o != nil {
			o(n)
		}
	}
	n.groups |= groupSpace // separators are always folded: see the package doc
	n.build()
	return n
}

var defaultNormalizer = sync.OnceValue(func() *Normalizer { return New() })

// Default returns the shared default Normalizer.
func Default() *Normalizer { return defaultNormalizer() }

// String normalizes s with the default Normalizer.
func String(s string) string { return Default().String(s) }

// Append appends the default normalization of src to dst.
func Append(dst, src []byte) []byte { return Default().Append(dst, src) }

func (n *Normalizer) build() {
	for r := range n.low {
		n.low[r] = rune(r)
		if n.lower {
			n.low[r] = unicode.ToLower(rune(r))
		}
	}
	n.high = make(map[rune]rune)
	for _, c := range classes {
		if n.groups&c.group == 0 {
			continue
		}
		for _, m := range c.members {
			if m < 0x800 {
				n.low[m] = c.rep
			} else {
				n.high[m] = c.rep
			}
		}
	}
	if n.groups&groupWidth != 0 {
		for r := rune(0xFF01); r <= 0xFF5E; r++ {
			if _, ok := n.high[r]; !ok {
				n.high[r] = n.low[r-0xFF01+'!']
			}
		}
	}
	for b := range n.same {
		n.same[b] = n.low[b] == rune(b)
	}
	for r := range n.info {
		if n.low[r] == rune(r) {
			n.info[r] |= infoSame
		}
		if n.collapse && IsArabicLetter(rune(r)) {
			n.info[r] |= infoLetter
		}
	}
	var v strings.Builder
	v.WriteString("ghurbal-normalize/" + tableVersion)
	for _, o := range optionNames {
		if n.groups&o.g == 0 {
			v.WriteString("+" + o.name)
		}
	}
	if !n.lower {
		v.WriteString("+keep-case")
	}
	if !n.collapse {
		v.WriteString("+keep-elongation")
	}
	if !n.nfkc {
		v.WriteString("+keep-presentation-forms")
	}
	n.version = v.String()
}

// Version names what this Normalizer does. It changes whenever the default
// changes, and encodes the options, so model files can record it and refuse
// a mismatch.
func (n *Normalizer) Version() string { return n.version }

// fold returns what r becomes: itself, drop, or another rune. Presentation
// forms are handled before fold is called.
func (n *Normalizer) fold(r rune) rune {
	if r < 0x800 {
		return n.low[r]
	}
	if inHighTable(r) {
		if f, ok := n.high[r]; ok {
			return f
		}
	}
	if n.lower && r < 0x1F000 && unicode.IsUpper(r) {
		return unicode.ToLower(r)
	}
	return r
}

// inHighTable is a cheap range test before the map lookup; every high
// member of the table lies in one of these ranges.
func inHighTable(r rune) bool {
	switch {
	case r >= 0x08D3 && r <= 0x08FF, r == 0x1680, r == 0x180E, r >= 0x2000 && r <= 0x206F,
		r == 0x3000, r >= 0xFE00 && r <= 0xFE0F, r == 0xFEFF, r >= 0xFF01 && r <= 0xFF5E:
		return true
	}
	return false
}

// decomposition returns the NFKC decomposition of r when r is a
// presentation form that NFKC changes, and "" otherwise.
func (n *Normalizer) decomposition(r rune) string {
	if !n.nfkc || !(r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC) {
		return ""
	}
	return presentation()[presIndex(r)]
}

// presentation holds the NFKC decomposition of every presentation form
// ("" where NFKC leaves it as it is, as for the noncharacters), computed
// once on first use so the hot path never calls into x/text.
var presentation = sync.OnceValue(func() []string {
	t := make([]string, 0xFDFF-0xFB50+1+0xFEFC-0xFE70+1)
	set := func(r rune) {
		if d := norm.NFKC.String(string(r)); d != string(r) {
			t[presIndex(r)] = d
		}
	}
	for r := rune(0xFB50); r <= 0xFDFF; r++ {
		set(r)
	}
	for r := rune(0xFE70); r <= 0xFEFC; r++ {
		set(r)
	}
	return t
})

func presIndex(r rune) int {
	if r <= 0xFDFF {
		return int(r - 0xFB50)
	}
	return int(r-0xFE70) + 0xFDFF - 0xFB50 + 1
}

// IsArabicLetter reports whether r is a letter of the Arabic script (the
// Arabic block's letters, including Persian, Kurdish and Urdu ones).
func IsArabicLetter(r rune) bool {
	return r >= 0x0620 && r <= 0x064A && r != 0x0640 || r == 0x066E || r == 0x066F ||
		r >= 0x0671 && r <= 0x06D3 || r == 0x06D5 || r == 0x06EE || r == 0x06EF ||
		r >= 0x06FA && r <= 0x06FC || r == 0x06FF
}

const (
	infoSame   = 1 << iota // the rune is left as it is
	infoLetter             // the rune is an Arabic letter and runs of it collapse
)

const (
	lo7 = 0x0101010101010101
	hi7 = 0x8080808080808080
)

// plainASCII8 reports that the 8 bytes in x are ASCII that no Normalizer
// changes: printable (0x20–0x7E) and not upper case. Tab and newline fail
// the test too and take the byte-wise path. For bytes below 0x80, adding k
// sets a byte's high bit exactly when the byte is ≥ 0x80-k, with no carry
// into the next byte.
func plainASCII8(x uint64) bool {
	if x&hi7 != 0 {
		return false
	}
	ge20 := x + lo7*(0x80-0x20)
	ge7f := x + lo7*(0x80-0x7F)
	ge41 := x + lo7*(0x80-0x41)
	ge5b := x + lo7*(0x80-0x5B)
	return (^ge20|ge7f|ge41&^ge5b)&hi7 == 0
}

// load8 reads 8 bytes of s at i as a little-endian word; the caller
// guarantees i+8 <= len(s).
func load8(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i)), 8))
}

// plainASCII16 is plainASCII8 over two words at once.
func plainASCII16(x, y uint64) bool {
	if (x|y)&hi7 != 0 {
		return false
	}
	bad := func(x uint64) uint64 {
		ge20 := x + lo7*(0x80-0x20)
		ge7f := x + lo7*(0x80-0x7F)
		ge41 := x + lo7*(0x80-0x41)
		ge5b := x + lo7*(0x80-0x5B)
		return ^ge20 | ge7f | ge41&^ge5b
	}
	return (bad(x)|bad(y))&hi7 == 0
}

// isTwoByteRune reports whether a valid two-byte UTF-8 sequence (U+0080 to
// U+07FF) starts at s[i].
func isTwoByteRune(s string, i int) bool {
	return i+1 < len(s) && s[i] >= 0xC2 && s[i] <= 0xDF && s[i+1]&0xC0 == 0x80
}

// writer accumulates output, the optional offset map and the run state for
// collapsing elongations.
type writer struct {
	dst   []byte
	segs  []segment // the offset map (see segment); nil when not tracked
	track bool
	last  rune // last Arabic letter written, or -1
	run   int  // how many times last was written in a row
}

// segment is one piece of the offset map: the output bytes from out up to
// the next segment's out came from the source at src, byte for byte when
// copied (a run of text that was already normal, or one ASCII byte), or
// all from the one source rune at src when not (a folded rune). Most of a
// text is copied, so the map has a segment per change normalization made
// rather than an offset per byte.
type segment struct {
	out, src uint32
	copied   bool
}

func clampOffset(i int) uint32 {
	if uint64(i) > 0xFFFFFFFF {
		return 0xFFFFFFFF
	}
	return uint32(i)
}

// raw appends src[i:j], already known to be normal, and its offsets.
func (w *writer) raw(src string, i, j int) {
	if w.track {
		w.copied(i)
	}
	w.dst = append(w.dst, src[i:j]...)
}

// copied records that the output from len(w.dst) on is copied from the
// source at at, extending the last segment when it is a copy that reaches
// exactly there.
func (w *writer) copied(at int) {
	out, src := clampOffset(len(w.dst)), clampOffset(at)
	if n := len(w.segs); n > 0 {
		if l := w.segs[n-1]; l.copied && uint64(l.src)+uint64(out-l.out) == uint64(src) {
			return
		}
	}
	w.segs = append(w.segs, segment{out: out, src: src, copied: true})
}

// emit appends the output rune r that came from the source rune at at.
func (w *writer) emit(n *Normalizer, r rune, at int) {
	if n.collapse && (r < 0x800 && n.info[r]&infoLetter != 0 || r >= 0x800 && IsArabicLetter(r)) {
		if r == w.last {
			w.run++
			if w.run == 3 { // take back the second copy: a run becomes one letter
				w.dst = w.dst[:len(w.dst)-utf8.RuneLen(r)]
				if w.track {
					w.truncateSegments()
				}
			}
			if w.run >= 3 {
				return
			}
		} else {
			w.last, w.run = r, 1
		}
	} else {
		w.last, w.run = -1, 0
	}
	if w.track {
		w.segs = append(w.segs, segment{out: clampOffset(len(w.dst)), src: clampOffset(at)})
	}
	w.dst = utf8.AppendRune(w.dst, r)
}

// truncateSegments drops the segments that start at or after the end of
// the output, after output was taken back.
func (w *writer) truncateSegments() {
	end := clampOffset(len(w.dst))
	for len(w.segs) > 0 && w.segs[len(w.segs)-1].out >= end {
		w.segs = w.segs[:len(w.segs)-1]
	}
}

// ascii appends the ASCII byte c that came from the source byte at at.
func (w *writer) ascii(c byte, at int) {
	w.last, w.run = -1, 0
	if w.track {
		w.copied(at)
	}
	w.dst = append(w.dst, c)
}

// stable returns the end of the longest prefix of src[i:] that normalizes to
// itself given the run state in w, updating that state as it goes.
func (n *Normalizer) stable(w *writer, src string, i int) int {
	i, w.last, w.run = n.stableRun(src, i, w.last, w.run)
	return i
}

// stableRun is stable on the run state as values, which the compiler keeps
// in registers (fields behind w would be stored at every rune).
func (n *Normalizer) stableRun(src string, i int, last rune, run int) (int, rune, int) {
	for i < len(src) {
		// Two-byte runes come first: they are most of Arabic text.
		if isTwoByteRune(src, i) {
			r := rune(src[i]&0x1F)<<6 | rune(src[i+1]&0x3F)
			info := n.info[r]
			if info&infoSame == 0 {
				return i, last, run
			}
			if info&infoLetter == 0 {
				last, run = -1, 0
			} else if r != last {
				last, run = r, 1
			} else if run >= 2 {
				return i, last, run
			} else {
				run++
			}
			i += 2
			continue
		}
		b := src[i]
		if b < utf8.RuneSelf {
			last, run = -1, 0
			// A lone ASCII byte between runes of another script (the space
			// between Arabic words) is the common case: take it without
			// trying the word-wide tests, which would fail.
			if i+1 < len(src) && src[i+1] >= utf8.RuneSelf {
				if !n.same[b] {
					return i, last, run
				}
				i++
				continue
			}
			for i+16 <= len(src) && plainASCII16(load8(src, i), load8(src, i+8)) {
				i += 16
			}
			for i+8 <= len(src) && plainASCII8(load8(src, i)) {
				i += 8
			}
			// Byte by byte through at most one word, then try words again.
			for end := min(i+8, len(src)); i < end && src[i] < utf8.RuneSelf; i++ {
				if !n.same[src[i]] {
					return i, last, run
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size == 1 || n.decomposition(r) != "" || n.fold(r) != r {
			return i, last, run
		}
		if n.collapse && IsArabicLetter(r) {
			if r == last {
				if run >= 2 {
					return i, last, run
				}
				run++
			} else {
				last, run = r, 1
			}
		} else {
			last, run = -1, 0
		}
		i += size
	}
	return i, last, run
}

// write normalizes src into w.
func (n *Normalizer) write(w *writer, src string) {
	w.last, w.run = -1, 0
	for i := 0; i < len(src); {
		if j := n.stable(w, src, i); j > i {
			w.raw(src, i, j)
			i = j
			continue
		}
		// src[i] starts a rune that changes (or the third of a run).
		if src[i] < utf8.RuneSelf {
			// ASCII that changes (upper case, controls) comes in words:
			// fold byte by byte until a plain word of 8 bytes follows.
			for i < len(src) && src[i] < utf8.RuneSelf && (i+8 > len(src) || !plainASCII8(load8(src, i))) {
				w.ascii(byte(n.low[src[i]]), i)
				i++
			}
			continue
		}
		if isTwoByteRune(src, i) {
			// The common change in Arabic text (ة, أ, ى): no presentation
			// form is two bytes long, so the table alone folds it.
			if f := n.low[rune(src[i]&0x1F)<<6|rune(src[i+1]&0x3F)]; f != drop {
				w.emit(n, f, i)
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if d := n.decomposition(r); d != "" {
			for _, d := range d {
				if f := n.fold(d); f != drop {
					w.emit(n, f, i)
				}
			}
		} else if f := n.fold(r); f != drop {
			w.emit(n, f, i) // an invalid byte arrives here as U+FFFD
		}
		i += size
	}
}

// Append appends the normalization of src to dst and returns the extended
// buffer. It allocates nothing when dst has room. dst and src must not
// overlap.
func (n *Normalizer) Append(dst, src []byte) []byte {
	w := writer{dst: dst}
	n.write(&w, unsafe.String(unsafe.SliceData(src), len(src)))
	return w.dst
}

// AppendString is Append for a string source.
func (n *Normalizer) AppendString(dst []byte, src string) []byte {
	w := writer{dst: dst}
	n.write(&w, src)
	return w.dst
}

// IsNormal reports whether s is already normal, that is String(s) == s.
func (n *Normalizer) IsNormal(s string) bool {
	w := writer{last: -1}
	return n.stable(&w, s, 0) == len(s)
}

// String returns the normalization of s. Already-normal input is returned
// as it is, without allocating.
func (n *Normalizer) String(s string) string {
	if n.IsNormal(s) {
		return s
	}
	b := n.AppendString(make([]byte, 0, len(s)+8), s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}
