package normalize_test

import (
	"fmt"
	"strings"

	"github.com/ghurbal/ghurbal/normalize"
)

func ExampleString() {
	fmt.Println(normalize.String("مُهَرِّبـــين إلى ألمانيا، السعر ٣٥٠٠$"))
	fmt.Println(normalize.String("ڤيزا پولندا تهرييييب ﻣﻬﺮﺏ"))
	// Output:
	// مهربين الي المانيا, السعر 3500$
	// فيزا بولندا تهريب مهرب
}

func ExampleAppend() {
	buf := make([]byte, 0, 64)
	buf = normalize.Append(buf[:0], []byte("WhatsApp ۰۰۹۶۴"))
	fmt.Println(string(buf))
	// Output: whatsapp 00964
}

func ExampleNew() {
	n := normalize.New(normalize.KeepTehMarbuta(), normalize.KeepHamza())
	fmt.Println(n.String("تأشيرة مُؤكدة"))
	fmt.Println(n.Version())
	// Output:
	// تأشيرة مؤكدة
	// ghurbal-normalize/1+keep-hamza+keep-teh-marbuta
}

func ExampleDefault() {
	fmt.Println(normalize.Default().Version())
	// Output: ghurbal-normalize/1
}

func ExampleNormalizer_IsNormal() {
	n := normalize.Default()
	fmt.Println(n.IsNormal("مهرب الي المانيا"), n.IsNormal("مهرب إلى ألمانيا"))
	// Output: true false
}

func ExampleNormalizer_Text() {
	post := "وَالمُهَرِّبـــين ٣٥٠٠$"
	var txt normalize.Text
	normalize.Default().Text(&txt, post)
	for tok := range txt.Tokens() {
		fmt.Printf("%s %s %q\n", tok.Kind, tok.Text, post[tok.Start:tok.End])
	}
	// Output:
	// arabic والمهربين "وَالمُهَرِّبـــين"
	// number 3500 "٣٥٠٠"
	// punct $ "$"
}

func ExampleText_Original() {
	post := "قال: تهرييييب مضمون"
	var txt normalize.Text
	normalize.Default().Text(&txt, post)
	i := strings.Index(txt.Normalized(), "تهريب")
	s, e := txt.Original(i, i+len("تهريب"))
	fmt.Printf("%q -> %q\n", txt.Normalized()[i:i+len("تهريب")], post[s:e])
	// Output: "تهريب" -> "تهرييييب"
}

func ExampleTokens() {
	for tok := range normalize.Tokens("7dood t.me/abu_x @abu #تهريب 🔥") {
		fmt.Println(tok.Kind, tok.Text)
	}
	// Output:
	// latin 7dood
	// url t.me/abu_x
	// handle @abu
	// hashtag #تهريب
	// emoji 🔥
}

func ExampleNextToken() {
	s := "فيزا 3,500"
	for tok, i := normalize.NextToken(s, 0); tok.Kind != 0; tok, i = normalize.NextToken(s, i) {
		fmt.Println(tok.Kind, tok.Text, tok.Start, tok.End)
	}
	// Output:
	// arabic فيزا 0 8
	// number 3,500 9 14
}

func ExampleIsArabicLetter() {
	fmt.Println(normalize.IsArabicLetter('م'), normalize.IsArabicLetter('گ'), normalize.IsArabicLetter('m'))
	// Output: true true false
}

func ExampleIsEmoji() {
	fmt.Println(normalize.IsEmoji('🔥'), normalize.IsEmoji('م'))
	// Output: true false
}

func ExampleKind_String() {
	fmt.Println(normalize.KindURL)
	// Output: url
}
