package lexicon

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ghurbal/ghurbal/normalize"
)

// DefaultCategories are the categories of the embedded lexicon: three that
// name the labels' evidence (smuggler, visa, crossing); four that support
// it (place, contact, money, and context: words common in facilitation
// posts but everywhere else too, like طريق "road" or ابو nicknames); and
// reporting, the voice of news and NGO posts, evidence against
// facilitation.
var DefaultCategories = []string{"smuggler", "visa", "crossing", "place", "contact", "money", "context", "reporting"}

// OverlapsFile lists terms allowed in more than one category.
const OverlapsFile = "overlaps.tsv"

//go:embed data/*.tsv
var dataFS embed.FS

// Lexicon is a compiled set of entries ready for matching. It is immutable
// and safe for concurrent use.
type Lexicon struct {
	norm    *normalize.Normalizer
	entries []Entry
	cats    []string
	// index maps a normalized word to what it can start or be, in slots.
	index keyTable
	slots []slot
	// readings holds the hashes of every index key and of every stem key
	// with each suffix: a word none of whose proclitic readings is there
	// has no reading in the index (see mayMatch).
	readings bloom
	// tails rules out most Arabic words before mayMatch: see tailSet.
	tails   *tailSet
	phrases []phrase
	hash    string
	// skeletons maps Arabizi consonant skeletons of single-word Arabic and
	// Arabizi entries to their entry, for Latin-script posts.
	skeletons keyTable
	// spellings maps the spelling key (arabizi.go) of each single-word
	// Arabizi-flagged entry to the entry.
	spellings keyTable
	// english maps the English stem of each English entry to the entry.
	english keyTable
	// englishPrefix holds the first bytes of every English stem, so that
	// most Latin tokens are ruled out before stemming them.
	englishPrefix keyTable
	// joinedPhrases maps each Arabic phrase with its spaces removed to its
	// entry, and maxJoined is the longest Arabic entry in letters: both
	// serve spaced-out runs, where word boundaries are lost.
	joinedPhrases keyTable
	maxJoined     int
	pool          sync.Pool
}

// slot is what one normalized word can start or be.
type slot struct {
	exact   int32   // the entry whose whole normalized term is this word, or -1
	stem    int32   // the stemmable entry this word is the stem of, or -1
	phrases []int32 // phrases whose first word is this word
}

// phrase is a multi-word entry split into its normalized words.
type phrase struct {
	entry int32
	words []string
	// second is the first four bytes of words[1] (less a final ه when it
	// is the last word and may take a suffix), or 0 when it is shorter:
	// see mayContinue.
	second uint32
}

// newPhrase returns the phrase of entry e, whose normalized words are
// words.
func newPhrase(id int32, e Entry, words []string) phrase {
	ph := phrase{entry: id, words: words}
	next := words[1]
	if e.Flags&NoStem == 0 && len(words) == 2 {
		next = strings.TrimSuffix(next, "ه") // see wordMatches
	}
	if len(next) >= 4 {
		ph.second = load32(next, 0)
	}
	return ph
}

// mayContinue reports whether next, the word after the phrase's first, may
// be its second: whether the second word's first four bytes are where a
// reading of next starts (at its start, or after a proclitic of at most
// three two-byte letters). Many phrases start with a common word (من،
// على) and fail at the next one, and this rules them out without
// stripping clitics.
func (ph *phrase) mayContinue(next string) bool {
	if ph.second == 0 {
		return true
	}
	for a := 0; a <= 2*maxCliticLetters && a+4 <= len(next); a += 2 {
		if load32(next, a) == ph.second {
			return true
		}
	}
	return false
}

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	lex, err := LoadFS(dataFS, "data")
	if err != nil {
		// The embedded files are checked by the package's tests; reaching
		// this means the binary was built from a broken tree.
		panic("lexicon: embedded data: " + err.Error())
	}
	return lex
})

// Default returns the embedded lexicon, parsed on first use.
func Default() *Lexicon { return defaultLexicon() }

// DefaultFS returns the embedded data files (data/*.tsv), for tools that
// format, validate or report on them.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(dataFS, "data")
	return sub
}

// Parse reads one lexicon file; the category is the file name without its
// directory and .tsv extension. It returns every problem of the file as an
// Errors value.
func Parse(r io.Reader, name string) (*Lexicon, error) {
	n := normalize.Default()
	entries, errs := parseEntries(r, name, n)
	errs = append(errs, crossCheck(entries, nil, nil)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return build(n, entries), nil
}

// LoadDir reads every .tsv file of a directory (overlaps.tsv lists terms
// allowed in two categories).
func LoadDir(dir string) (*Lexicon, error) { return LoadFS(os.DirFS(dir), ".") }

// LoadFS reads every .tsv file of dir in fsys.
func LoadFS(fsys fs.FS, dir string) (*Lexicon, error) {
	entries, errs := readFS(fsys, dir, nil)
	if len(errs) > 0 {
		return nil, errs
	}
	return build(normalize.Default(), entries), nil
}

// readFS parses and cross-checks every file; categories, when not nil,
// restricts the file names allowed.
func readFS(fsys fs.FS, dir string, categories []string) ([]Entry, Errors) {
	n := normalize.Default()
	names, err := fs.Glob(fsys, joinPath(dir, "*.tsv"))
	if err != nil {
		return nil, Errors{{File: dir, Msg: err.Error()}}
	}
	slices.Sort(names)
	var entries []Entry
	var errs Errors
	var overlaps map[string][]string
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			errs = append(errs, &Error{File: name, Msg: err.Error()})
			continue
		}
		if CategoryOf(name) == CategoryOf(OverlapsFile) {
			var oerrs Errors
			overlaps, oerrs = parseOverlaps(f, name, n)
			errs = append(errs, oerrs...)
		} else {
			es, ferrs := parseEntries(f, name, n)
			entries = append(entries, es...)
			errs = append(errs, ferrs...)
			if categories != nil && !slices.Contains(categories, CategoryOf(name)) {
				errs = append(errs, &Error{File: name, Msg: fmt.Sprintf("unknown category %q (known: %s)",
					CategoryOf(name), strings.Join(categories, ", "))})
			}
		}
		f.Close()
	}
	if len(names) == 0 {
		errs = append(errs, &Error{File: dir, Msg: "no .tsv files"})
	}
	errs = append(errs, crossCheck(entries, overlaps, categories)...)
	return entries, errs
}

func joinPath(dir, name string) string {
	if dir == "" || dir == "." {
		return name
	}
	return dir + "/" + name
}

// build compiles entries into a Lexicon.
func build(n *normalize.Normalizer, entries []Entry) *Lexicon {
	lex := &Lexicon{norm: n, entries: entries}
	index, skeletons, english := map[string]slot{}, map[string]int32{}, map[string]int32{}
	englishPrefix, joinedPhrases, spellings := map[string]int32{}, map[string]int32{}, map[string]int32{}
	get := func(k string) slot {
		s, ok := index[k]
		if !ok {
			s = slot{exact: -1, stem: -1}
		}
		return s
	}
	h := sha256.New()
	io.WriteString(h, n.Version()+"\n")
	var skel []byte
	for i, e := range entries {
		id := int32(i)
		fmt.Fprintf(h, "%s\t%s\t%s\t%s\n", e.Category, e.Norm, strconv.FormatFloat(e.Weight, 'g', -1, 64), e.Flags)
		if !slices.Contains(lex.cats, e.Category) {
			lex.cats = append(lex.cats, e.Category)
		}
		words := strings.Split(e.Norm, " ")
		if isArabicWord(e.Norm) {
			joined := strings.ReplaceAll(e.Norm, " ", "")
			lex.maxJoined = max(lex.maxJoined, utf8.RuneCountInString(joined))
			if _, ok := joinedPhrases[joined]; !ok && len(words) > 1 {
				joinedPhrases[joined] = id
			}
		}
		if len(words) > 1 {
			s := get(words[0])
			s.phrases = append(s.phrases, int32(len(lex.phrases)))
			index[words[0]] = s
			lex.phrases = append(lex.phrases, newPhrase(id, e, words))
			continue
		}
		s := get(e.Norm)
		if s.exact < 0 {
			s.exact = id
		}
		index[e.Norm] = s
		if e.Flags&NoStem == 0 && isArabicWord(e.Norm) {
			// A word ending in ه (ة) loses it before suffixes: تاشيره,
			// تاشيرات, تاشيرتي.
			for _, k := range []string{e.Norm, strings.TrimSuffix(e.Norm, "ه")} {
				if utf8.RuneCountInString(k) < 2 {
					continue
				}
				s := get(k)
				if s.stem < 0 {
					s.stem = id
				}
				index[k] = s
			}
		}
		if e.Flags&English != 0 {
			st := normalize.EnglishStem(e.Norm)
			if _, ok := english[st]; !ok {
				english[st] = id
			}
			englishPrefix[st[:min(len(st), englishPrefixLen)]] = 0
		}
		if e.Flags&Arabizi != 0 && !strings.Contains(e.Norm, " ") {
			key := string(appendSpellingKey(nil, e.Norm))
			if _, ok := spellings[key]; !ok && consonants(key) >= minSpellingConsonants {
				spellings[key] = id
			}
		}
		if e.Flags&English == 0 {
			if isArabicWord(e.Norm) {
				skel = normalize.AppendArabicSkeleton(skel[:0], e.Norm)
			} else {
				skel = normalize.AppendArabiziSkeleton(skel[:0], e.Norm)
			}
			if len(skel) >= minSkeleton {
				if _, ok := skeletons[string(skel)]; !ok {
					skeletons[string(skel)] = id
				}
			}
		}
	}
	// Longer phrases first, so the first that matches is the longest.
	slotOf := make(map[string]int32, len(index))
	for k, s := range index {
		slices.SortStableFunc(s.phrases, func(a, b int32) int { return len(lex.phrases[b].words) - len(lex.phrases[a].words) })
		slotOf[k] = int32(len(lex.slots))
		lex.slots = append(lex.slots, s)
	}
	lex.readings, lex.tails = newReadings(index)
	lex.index, lex.skeletons, lex.english = newKeyTable(slotOf), newKeyTable(skeletons), newKeyTable(english)
	lex.spellings = newKeyTable(spellings)
	lex.englishPrefix, lex.joinedPhrases = newKeyTable(englishPrefix), newKeyTable(joinedPhrases)
	lex.hash = hex.EncodeToString(h.Sum(nil))
	lex.pool.New = func() any { return new(scratch) }
	return lex
}

// newReadings builds Lexicon.readings and Lexicon.tails from the index.
func newReadings(index map[string]slot) (bloom, *tailSet) {
	n := 0
	for _, s := range index {
		n++
		if s.stem >= 0 {
			n += len(suffixes)
		}
	}
	b, tails := newBloom(n), new(tailSet)
	add := func(r string) {
		b.add(hashKey(r))
		tails.add(r)
	}
	var buf []byte
	for k, s := range index {
		add(k)
		if s.stem >= 0 {
			for _, suf := range suffixes {
				buf = append(append(buf[:0], k...), suf...)
				add(string(buf))
			}
		}
	}
	return b, tails
}

// englishPrefixLen is how many bytes of an English stem the prefilter keeps.
const englishPrefixLen = 4

// minSkeleton is the fewest consonant classes an entry's skeleton needs to
// be matched from Arabizi: shorter skeletons collide with too many words.
const minSkeleton = 3

func isArabicWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return normalize.IsArabicLetter(r)
}

// Entries returns a copy of the lexicon's entries, in file order.
func (l *Lexicon) Entries() []Entry { return slices.Clone(l.entries) }

// Categories returns the categories in the order their files were read.
func (l *Lexicon) Categories() []string { return slices.Clone(l.cats) }

// Hash identifies the lexicon's content (categories, normalized terms,
// weights, flags) and the normalizer version. Model files record it.
func (l *Lexicon) Hash() string { return l.hash }

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Normalizer returns the normalizer the lexicon matches with.
func (l *Lexicon) Normalizer() *normalize.Normalizer { return l.norm }
