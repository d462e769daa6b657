package normalize_test

import (
	"fmt"

	"github.com/ghurbal/ghurbal/normalize"
)

// Evaders split a word with one separator between its letters (م ه ر ب,
// م.ه.ر.ب); a wider gap is the space between two words.
func ExampleSpacedGap() {
	for _, gap := range []string{" ", ".", "-", "  ", ". "} {
		fmt.Printf("%q %v\n", gap, normalize.SpacedGap(gap))
	}
	// Output:
	// " " true
	// "." true
	// "-" true
	// "  " false
	// ". " false
}

// A run of MinSpacedRun single letters or more is a spaced-out word; one
// or two (و, ب) are ordinary text.
func ExampleIsSingleLetter() {
	for _, post := range []string{"تواصل مع م ه ر ب موثوق", "و ب ثم"} {
		run, longest := 0, 0
		for tok := range normalize.Tokens(normalize.String(post)) {
			if normalize.IsSingleLetter(tok) {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		fmt.Println(longest, longest >= normalize.MinSpacedRun)
	}
	// Output:
	// 4 true
	// 2 false
}
