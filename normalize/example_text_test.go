package normalize_test

import (
	"fmt"
	"strings"

	"github.com/ghurbal/ghurbal/normalize"
)

// A Text keeps the way back from the normalized text to the post, so what
// is found in the one is reported in the other. Keep one Text per
// goroutine and reuse it.
func ExampleText() {
	n := normalize.Default()
	var txt normalize.Text
	for _, post := range []string{"مُهَرِّب مضمون", "طريق بدون مهرّب"} {
		n.Text(&txt, post)
		i := strings.Index(txt.Normalized(), "مهرب")
		s, e := txt.Original(i, i+len("مهرب"))
		fmt.Printf("%d:%d %s\n", s, e, post[s:e])
	}
	// Output:
	// 0:16 مُهَرِّب
	// 18:28 مهرّب
}

func ExampleText_Source() {
	var txt normalize.Text
	normalize.Default().Text(&txt, "فيزا ألمانيا")
	fmt.Println(txt.Source())
	fmt.Println(txt.Normalized())
	// Output:
	// فيزا ألمانيا
	// فيزا المانيا
}

func ExampleText_Bytes() {
	var txt normalize.Text
	normalize.Default().Text(&txt, "السعر ٣٥٠٠")
	b := txt.Bytes() // valid until txt is reused: copy to keep
	fmt.Printf("%s %d\n", b, len(b))
	// Output: السعر 3500 15
}

func ExampleText_Normalized() {
	var txt normalize.Text
	normalize.Default().Text(&txt, "تهرييييب مضمووون")
	fmt.Println(txt.Normalized())
	// Output: تهريب مضمون
}

func ExampleText_Len() {
	post := "مُهَرِّبـــين"
	var txt normalize.Text
	normalize.Default().Text(&txt, post)
	fmt.Println(len(post), txt.Len())
	// Output: 26 12
}

func ExampleText_OriginalAt() {
	post := "قال: مُهَرِّب"
	var txt normalize.Text
	normalize.Default().Text(&txt, post)
	i := strings.Index(txt.Normalized(), "مهرب")
	fmt.Println(i, txt.OriginalAt(i))
	// Output: 8 8
}

func ExampleText_NextToken() {
	post := "فيزا بـ ٣٥٠٠$"
	var txt normalize.Text
	normalize.Default().Text(&txt, post)
	for tok, i := txt.NextToken(0); tok.Kind != 0; tok, i = txt.NextToken(i) {
		fmt.Printf("%s %s %q\n", tok.Kind, tok.Text, post[tok.Start:tok.End])
	}
	// Output:
	// arabic فيزا "فيزا"
	// arabic ب "بـ"
	// number 3500 "٣٥٠٠"
	// punct $ "$"
}

func ExampleText_Tokens() {
	post := "تواصل واتساب +375 29 000 12 34"
	var txt normalize.Text
	for tok := range normalize.Default().Text(&txt, post).Tokens() {
		if tok.Kind == normalize.KindNumber {
			fmt.Print(post[tok.Start:tok.End], " ")
		}
	}
	fmt.Println()
	// Output: 375 29 000 12 34
}

// The Start and End of a token point into the post, NormStart and NormEnd
// into the normalized text.
func ExampleToken() {
	post := "إلى ألمانيا"
	var txt normalize.Text
	normalize.Default().Text(&txt, post)
	for tok := range txt.Tokens() {
		fmt.Printf("%s [%d:%d] %s [%d:%d]\n", tok.Text, tok.NormStart, tok.NormEnd, post[tok.Start:tok.End], tok.Start, tok.End)
	}
	// Output:
	// الي [0:6] إلى [0:6]
	// المانيا [7:21] ألمانيا [7:21]
}

// A contact extractor keeps only the tokens of the kinds it wants.
func ExampleKind() {
	post := normalize.String("تواصل @abu_x او t.me/abu_x #تهريب")
	for tok := range normalize.Tokens(post) {
		switch tok.Kind {
		case normalize.KindHandle, normalize.KindURL:
			fmt.Println(tok.Kind, tok.Text)
		}
	}
	// Output:
	// handle @abu_x
	// url t.me/abu_x
}
