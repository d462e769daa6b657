package lexicon_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/ghurbal/ghurbal/lexicon"
)

// corpus is a few labelled posts in the JSON-lines form of corpus/*.jsonl.
const corpus = `{"id": "p1", "text": "مهرب مضمون لالمانيا، الدفع بعد الوصول", "label": "smuggling", "dialect": "msa"}
{"id": "p2", "text": "فيزا بيلاروسيا مع حجز فندق", "label": "visa"}
{"id": "p3", "text": "القبض على مهربين قرب الحدود", "label": "other"}
{"id": "p4", "text": "الجو بارد اليوم", "label": "other"}
`

func ExampleReadPosts() {
	posts, err := lexicon.ReadPosts(strings.NewReader(corpus))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(posts), posts[1].ID, posts[1].Label)
	_, err = lexicon.ReadPosts(strings.NewReader(`{"id": "x", "text": "مهرب"}`))
	fmt.Println(err)
	// Output:
	// 4 p2 visa
	// line 1: no label
}

func ExamplePost() {
	posts := []lexicon.Post{
		{ID: "p1", Text: "نوصلك لالمانيا عن طريق مهرب ثقة", Label: "smuggling"},
		{ID: "p2", Text: "تقرير عن شبكات التهريب", Label: "other"},
	}
	for _, t := range lexicon.Impact(lexicon.Default(), posts) {
		if t.Entry.Category == "smuggler" {
			fmt.Println(t.Entry.Term, t.Posts)
		}
	}
	// Output:
	// مهرب map[smuggling:[p1]]
	// نوصلك map[smuggling:[p1]]
}

// A reviewer checks what a proposed term would match before merging it.
func ExampleTermImpact() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	posts, _ := lexicon.ReadPosts(strings.NewReader(corpus))
	for _, t := range lexicon.Impact(lex, posts) {
		fmt.Println(t.Entry.Term, t.ByLabel, t.Posts)
	}
	// Output: مهرب map[other:1 smuggling:1] map[other:[p3] smuggling:[p1]]
}

func ExampleTermImpact_Precision() {
	lex, _ := lexicon.Parse(strings.NewReader(lexicon.Header+"\nمهرب\t3.0\t\tsmuggler\n"), "smuggler.tsv")
	posts, _ := lexicon.ReadPosts(strings.NewReader(corpus))
	t := lexicon.Impact(lex, posts)[0]
	fmt.Printf("%.2f\n", t.Precision("smuggling"))
	// Output: 0.50
}

// Coverage says how many posts of each label the lexicon reaches at all,
// and how many unrelated posts still get a smuggler hit.
func ExampleCoverage() {
	posts, _ := lexicon.ReadPosts(strings.NewReader(corpus))
	shares, otherSmuggler := lexicon.Coverage(lexicon.Default(), posts)
	fmt.Println(shares, otherSmuggler)
	// Output: map[smuggling:1 visa:1] 0.5
}
