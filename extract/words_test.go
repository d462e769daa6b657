package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
	"unicode/utf8"
)

// tableFuncs are the word tables, by function name, with a probe that
// reports whether an entry hits its table.
var tableFuncs = map[string]func(k []byte) bool{
	"currencyWord":   func(k []byte) bool { c, _, _ := currencyWord(k); return c != "" },
	"multiplierWord": func(k []byte) bool { return multiplierWord(k) > 0 },
	"numberWord":     func(k []byte) bool { return numberWord(k) > 0 },
	"slangWord":      func(k []byte) bool { return slangWord(k) > 0 },
	"halfWord":       func(k []byte) bool { return halfWord(k) > 0 },
	"fracAfterWaw":   func(k []byte) bool { return fracAfterWaw(k) > 0 },
	"pinWord":        pinWord,
	"priceCue":       priceCue,
	"platformWord":   func(k []byte) bool { return platformWord(k) != "" },
	"arabiziWord":    arabiziWord,
	"unitSuffix":     unitSuffix,
}

// tableEntries reads the case strings of every table function from the
// package's source, so the check below covers each entry as written.
func tableEntries(t *testing.T) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	out := map[string][]string{}
	for _, file := range []string{"words.go", "script.go"} {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || (tableFuncs[fn.Name.Name] == nil && fn.Name.Name != "qualifiedCurrency") {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				cc, ok := n.(*ast.CaseClause)
				if !ok {
					return true
				}
				for _, e := range cc.List {
					if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out[fn.Name.Name] = append(out[fn.Name.Name], s)
					}
				}
				return true
			})
		}
	}
	return out
}

// collapse copies src into dst with every run of one repeated letter written
// once, the way readWord builds word.c; unit is the letter size (1 or 2).
func collapse(dst *[wordCap]byte, src []byte, unit int) []byte {
	n := 0
	for i := 0; i+unit <= len(src); i += unit {
		if n >= unit && string(dst[n-unit:n]) == string(src[i:i+unit]) {
			continue
		}
		copy(dst[n:], src[i:i+unit])
		n += unit
	}
	return dst[:n]
}

// foldEntry folds and collapses an entry the way lookups fold text: Arabic
// letters through foldArabic, ASCII lower-cased, repeated letters once.
func foldEntry(s string) string {
	var b []byte
	for _, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, lowerASCII(byte(r)))
			continue
		}
		if f := foldArabic(r); f != 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	var buf [wordCap]byte
	unit := 2
	if len(b) > 0 && b[0] < utf8.RuneSelf {
		unit = 1
	}
	return string(collapse(&buf, b, unit))
}

// TestTablesAreFolded lists every table entry that a lookup could never
// hit: one not written folded and collapsed, one with a character a word
// cannot hold, or one its own table does not return.
func TestTablesAreFolded(t *testing.T) {
	entries := tableEntries(t)
	if len(entries) < len(tableFuncs) {
		t.Fatalf("found tables %v, want all of %d", len(entries), len(tableFuncs))
	}
	for name, list := range entries {
		for _, e := range list {
			if name == "qualifiedCurrency" {
				if foldEntry(e) != e {
					t.Errorf("%s: %+q is not folded (want %+q)", name, e, foldEntry(e))
				}
				continue
			}
			if got := foldEntry(e); got != e {
				t.Errorf("%s: %+q is not folded and collapsed: want %+q", name, e, got)
			}
			if len(e) > wordCap {
				t.Errorf("%s: %+q is longer than wordCap", name, e)
			}
			for _, r := range e {
				ascii := r < utf8.RuneSelf && (isASCIIAlnum(byte(r)))
				if !ascii && !isArabicWordRune(r) {
					t.Errorf("%s: %+q holds %+q, which no word holds", name, e, r)
				}
				if name != "arabiziWord" && r < utf8.RuneSelf && isASCIIDigit(byte(r)) {
					t.Errorf("%s: %+q holds a digit, which no word holds", name, e)
				}
			}
			if !tableFuncs[name]([]byte(e)) {
				t.Errorf("%s: %+q is listed but not returned", name, e)
			}
		}
	}
}

// TestTablesDisjoint: one word must not mean two things to the price and
// location scanners.
func TestTablesDisjoint(t *testing.T) {
	entries := tableEntries(t)
	owner := map[string]string{}
	for _, name := range []string{"currencyWord", "slangWord", "pinWord", "priceCue", "halfWord"} {
		for _, e := range entries[name] {
			if o, ok := owner[e]; ok {
				t.Errorf("%+q is in both %s and %s", e, o, name)
			}
			owner[e] = name
		}
	}
	for _, name := range []string{"numberWord", "multiplierWord"} {
		for _, e := range entries[name] {
			if o, ok := owner[e]; ok {
				t.Errorf("%+q is in both %s and %s", e, o, name)
			}
		}
	}
}

// TestFoldArabicExhaustive walks every rune of the Arabic blocks: folding
// is idempotent (every class has one representative, which folds to
// itself), and a representative is a basic Arabic letter.
func TestFoldArabicExhaustive(t *testing.T) {
	for _, block := range [][2]rune{{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}} {
		for r := block[0]; r <= block[1]; r++ {
			f := foldArabic(r)
			if f == 0 {
				continue
			}
			if g := foldArabic(f); g != f {
				t.Errorf("fold(U+%04X) = U+%04X, which folds again to U+%04X", r, f, g)
			}
			if f != r && (f < 0x0621 || f > 0x064A) {
				t.Errorf("fold(U+%04X) = U+%04X, not a basic Arabic letter", r, f)
			}
		}
	}
}

// TestFoldClasses is the written table of equivalence classes: each group
// folds to its first member.
func TestFoldClasses(t *testing.T) {
	classes := []string{"اأإآٱ", "هةەھۀہ", "يىیېێ", "كکگڪ", "جچ", "بپ", "فڤ", "زژ", "وۆۇۋ", "رڕ", "لڵ"}
	for _, c := range classes {
		rs := []rune(c)
		for _, r := range rs {
			if f := foldArabic(r); f != rs[0] {
				t.Errorf("fold(%c) = %c, want %c", r, f, rs[0])
			}
		}
	}
	for _, r := range []rune{'\u0640', '\u064B', '\u064E', '\u0650', '\u0651', '\u0652', '\u0670'} {
		if foldArabic(r) != 0 {
			t.Errorf("fold(U+%04X) should drop it", r)
		}
	}
}

func TestStems(t *testing.T) {
	cases := map[string][]string{
		// Keys are collapsed: the article's ل merges with a following ل
		// until the article is stripped.
		"اللوكيشن":  {"الوكيشن", "لوكيشن"},
		"باللوكيشن": {"بالوكيشن", "الوكيشن", "لوكيشن"},
		"والدولار":  {"والدولار", "الدولار", "دولار"},
		"للتلغرام":  {"لتلغرام", "تلغرام", "لتلغرام"},
		"عالتلغرام": {"عالتلغرام", "التلغرام", "تلغرام"},
		"الف":       {"الف"},
		"dollar":    {"dolar"},
	}
	for in, want := range cases {
		var w word
		readWord(in, 0, &w)
		var it stemIter
		it.reset(&w)
		var got []string
		for k, ok := it.next(&w); ok; k, ok = it.next(&w) {
			got = append(got, string(k))
		}
		if len(got) != len(want) {
			t.Errorf("stems(%+q) = %+q, want %+q", in, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("stems(%+q) = %+q, want %+q", in, got, want)
				break
			}
		}
	}
}
