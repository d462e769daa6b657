package evade_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/ghurbal/ghurbal/internal/evade"
)

// A Rewriter always obfuscates its key words, whatever their prefix, and
// a share of the other words: DefaultRate unless Rate says otherwise.
func ExampleRewriter() {
	post := "فيزا بيلاروسيا والفيزا الروسية مع حجز فندق"
	only := evade.Rewriter{Keywords: []string{"فيزا"}, Rate: -1}
	fmt.Println(only.Apply(post, evade.DotLetters, rand.New(rand.NewPCG(1, 2))))
	some := evade.Rewriter{Keywords: []string{"فيزا"}, Rate: evade.DefaultRate}
	fmt.Println(some.Apply(post, evade.DotLetters, rand.New(rand.NewPCG(3, 4))))
	// Output:
	// ف.ي.ز.ا بيلاروسيا و.ا.ل.ف.ي.ز.ا الروسية مع حجز فندق
	// ف-ي-ز-ا بيلاروسيا و-ا-ل-ف-ي-ز-ا الروسية مع حجز ف-ن-د-ق
}
