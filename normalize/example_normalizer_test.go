package normalize_test

import (
	"fmt"

	"github.com/ghurbal/ghurbal/normalize"
)

// One word typed four ways reads the same after normalization. Build a
// Normalizer once and share it: it is safe for concurrent use.
func ExampleNormalizer() {
	n := normalize.Default()
	for _, post := range []string{"مُهَرِّبـــين", "مهربين", "ﻣﻬﺮﺑﻴﻦ", "مهرّبييين"} {
		fmt.Println(n.String(post))
	}
	// Output:
	// مهربين
	// مهربين
	// مهربين
	// مهربين
}

func ExampleNormalizer_String() {
	n := normalize.New(normalize.KeepTehMarbuta())
	fmt.Println(n.String("رحلةٌ مضمونةٌ إلى ألمانيا"))
	// Output: رحلة مضمونة الي المانيا
}

// A worker that normalizes many posts reuses one buffer.
func ExampleNormalizer_Append() {
	n := normalize.Default()
	var buf []byte
	for _, post := range [][]byte{[]byte("ڤيزا ٣٥٠٠$"), []byte("WhatsApp +375 29 000 12 34")} {
		buf = n.Append(buf[:0], post)
		fmt.Println(string(buf))
	}
	// Output:
	// فيزا 3500$
	// whatsapp +375 29 000 12 34
}

func ExampleNormalizer_AppendString() {
	buf := []byte("post: ")
	buf = normalize.Default().AppendString(buf, "تهرييييب إلى اليونان")
	fmt.Println(string(buf))
	// Output: post: تهريب الي اليونان
}

// Model files record the version, so a model is never scored with text
// folded differently from the text it was trained on.
func ExampleNormalizer_Version() {
	fmt.Println(normalize.Default().Version())
	fmt.Println(normalize.New(normalize.KeepHamza()).Version())
	// Output:
	// ghurbal-normalize/1
	// ghurbal-normalize/1+keep-hamza
}
