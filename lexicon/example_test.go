package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/ghurbal/ghurbal/lexicon"
)

func ExampleLexicon_Match() {
	post := "عدنا توصيل والمهربين لالمانيا"
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	for _, h := range lex.Match(post) {
		fmt.Println(h.Category, h.Term, post[h.Start:h.End])
	}
	// Output: smuggler مهرب مهرب
}

func ExampleLexicon_AppendMatches() {
	lex := lexicon.Default()
	hits := make([]lexicon.Hit, 0, 16) // reused: no allocation per post
	for _, post := range []string{"فيزا بيلاروسيا", "الجو حلو"} {
		hits = lex.AppendMatches(hits[:0], post)
		fmt.Println(len(hits) > 0)
	}
	// Output:
	// true
	// false
}

func ExampleParse() {
	_, err := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t9\t\tsmuggler\n"), "smuggler.tsv")
	fmt.Println(err)
	// Output: smuggler.tsv:2: "مهرب": weight "9" is not a number in [0.1, 3]
}

func ExampleValidate() {
	errs := lexicon.Validate(lexicon.DefaultFS(), ".", lexicon.DefaultCategories)
	fmt.Println(len(errs))
	// Output: 0
}

func ExampleFormat() {
	out, _ := lexicon.Format(strings.NewReader(lexicon.Header+"\nمهرب\t3\t\tsmuggler\nتهريب\t2\t\tsmuggling\n"), "smuggler.tsv")
	fmt.Print(string(out))
	// Output:
	// term	weight	flags	note
	// تهريب	2.0		smuggling
	// مهرب	3.0		smuggler
}

func ExampleImpact() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	posts := []lexicon.Post{
		{ID: "1", Text: "ابحث عن مهرب", Label: "smuggling"},
		{ID: "2", Text: "القبض على مهربين", Label: "other"},
		{ID: "3", Text: "الجو حلو", Label: "other"},
	}
	for _, t := range lexicon.Impact(lex, posts) {
		fmt.Println(t.Entry.Term, t.ByLabel["smuggling"], t.ByLabel["other"], t.Precision("smuggling"))
	}
	// Output: مهرب 1 1 0.5
}

func ExampleCategoryOf() {
	fmt.Println(lexicon.CategoryOf("lexicon/data/smuggler.tsv"))
	// Output: smuggler
}
