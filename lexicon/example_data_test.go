package lexicon_test

import (
	"errors"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/ghurbal/ghurbal/lexicon"
)

// Flags change how an entry matches: NoStem keeps a place name whole,
// Arabizi and English say which script rules a Latin term follows.
func ExampleFlags() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+
		"\nبيلاروسيا\t2.0\tnostem\tBelarus\nsmuggler\t2.5\ten\tsmuggler, English\n"), "place.tsv")
	for _, e := range lex.Entries() {
		fmt.Println(e.Term, e.Flags&lexicon.NoStem != 0, e.Flags&lexicon.English != 0)
	}
	for _, h := range lex.Match("smugglers to بيلاروسيا") {
		fmt.Println(h.Term)
	}
	// Output:
	// بيلاروسيا true false
	// smuggler false true
	// smuggler
	// بيلاروسيا
}

func ExampleFlags_String() {
	fmt.Println(lexicon.NoStem | lexicon.Arabizi)
	// Output: nostem,arabizi
}

// An Entry keeps the term as written and as the matcher sees it, with
// where it was read.
func ExampleEntry() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nتأشيرة سياحية\t2.0\t\ttourist visa\n"), "data/visa.tsv")
	e := lex.Entries()[0]
	fmt.Printf("%s:%d %s %q -> %q %.1f %q\n", e.File, e.Line, e.Category, e.Term, e.Norm, e.Weight, e.Note)
	// Output: data/visa.tsv:2 visa "تأشيرة سياحية" -> "تاشيره سياحيه" 2.0 "tourist visa"
}

// A weight says how strongly one term alone points to its category,
// between MinWeight and MaxWeight.
func ExampleEntry_weight() {
	_, err := lexicon.Parse(strings.NewReader(lexicon.Header+"\nطريق\t0\t\troad\n"), "context.tsv")
	fmt.Println(err)
	fmt.Println(lexicon.MinWeight, lexicon.MaxWeight)
	// Output:
	// context.tsv:2: "طريق": weight "0" is not a number in [0.1, 3]
	// 0.1 3
}

// Every problem is an *Error with its file and line, for an editor or a
// CI annotation to point at.
func ExampleError() {
	_, err := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\tstem\tsmuggler\n"), "smuggler.tsv")
	var es lexicon.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Printf("%s line %d term %q: %s\n", e.File, e.Line, e.Term, e.Msg)
		}
	}
	// Output: smuggler.tsv line 2 term "مهرب": unknown flag "stem" (known: nostem, arabizi, en)
}

func ExampleError_Error() {
	e := &lexicon.Error{File: "visa.tsv", Line: 7, Term: "فيزا", Msg: "empty note: say what the term means and where it is used"}
	fmt.Println(e)
	// Output: visa.tsv:7: "فيزا": empty note: say what the term means and where it is used
}

// Loading reports every bad line at once, not the first only.
func ExampleErrors() {
	fsys := fstest.MapFS{
		"smuggler.tsv": {Data: []byte(lexicon.Header + "\nمهرب\t3.0\t\tsmuggler\nمُهَرِّب\t3.0\t\tsmuggler again\n")},
		"crossing.tsv": {Data: []byte(lexicon.Header + "\nمهرب\t1.0\t\tsmuggler\n")},
	}
	_, err := lexicon.LoadFS(fsys, ".")
	var es lexicon.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Printf("%s:%d %s\n", e.File, e.Line, e.Term)
		}
	}
	// Output:
	// smuggler.tsv:2 مهرب
	// smuggler.tsv:3 مُهَرِّب
}

// The error of a file with several problems says each on its own line.
func ExampleErrors_Error() {
	_, err := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.5\t\tsmuggler\nفيزا\t1.5\tnostem\t\n"), "smuggler.tsv")
	fmt.Println(err)
	// Output:
	// smuggler.tsv:2: "مهرب": weight "3.5" is not a number in [0.1, 3]
	// smuggler.tsv:3: "فيزا": empty note: say what the term means and where it is used
}
