package normalize_test

import (
	"fmt"

	"github.com/ghurbal/ghurbal/normalize"
)

// Options switch folds off; whatever order they are given in, the steps
// run in one fixed order and the version names the same Normalizer.
func ExampleOption() {
	a := normalize.New(normalize.KeepCase(), normalize.KeepDigits())
	b := normalize.New(normalize.KeepDigits(), normalize.KeepCase())
	fmt.Println(a.String("Minsk ٣٥٠٠ يورو"))
	fmt.Println(a.Version() == b.Version(), a.Version())
	// Output:
	// Minsk ٣٥٠٠ يورو
	// true ghurbal-normalize/1+keep-digits+keep-case
}

func ExampleKeepDiacritics() {
	post := "مُهَرِّب"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepDiacritics()).String(post))
	// Output:
	// مهرب
	// مُهَرِّب
}

func ExampleKeepTatweel() {
	post := "مهربـــين"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepTatweel()).String(post))
	// Output:
	// مهربين
	// مهربـــين
}

func ExampleKeepInvisible() {
	post := "مه\u200cرب" // a zero-width non-joiner inside the word
	fmt.Printf("%q\n", normalize.String(post))
	fmt.Printf("%q\n", normalize.New(normalize.KeepInvisible()).String(post))
	// Output:
	// "مهرب"
	// "مه\u200cرب"
}

func ExampleKeepHamza() {
	post := "إلى ألمانيا"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepHamza()).String(post))
	// Output:
	// الي المانيا
	// إلي ألمانيا
}

func ExampleKeepAlefVariants() {
	post := "ٱلحدود"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepAlefVariants()).String(post))
	// Output:
	// الحدود
	// ٱلحدود
}

func ExampleKeepAlefMaksura() {
	post := "على الحدود"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepAlefMaksura()).String(post))
	// Output:
	// علي الحدود
	// على الحدود
}

func ExampleKeepTehMarbuta() {
	post := "رحلة مضمونة"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepTehMarbuta()).String(post))
	// Output:
	// رحله مضمونه
	// رحلة مضمونة
}

func ExampleKeepPersianLetters() {
	post := "ڤيزا پولندا"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepPersianLetters()).String(post))
	// Output:
	// فيزا بولندا
	// ڤيزا پولندا
}

func ExampleKeepDigits() {
	post := "٣٥٠٠ دولار"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepDigits()).String(post))
	// Output:
	// 3500 دولار
	// ٣٥٠٠ دولار
}

func ExampleKeepPunctuation() {
	post := "كم السعر؟ واتساب، تلغرام"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepPunctuation()).String(post))
	// Output:
	// كم السعر? واتساب, تلغرام
	// كم السعر؟ واتساب، تلغرام
}

func ExampleKeepWidth() {
	post := "ＶＩＳＡ ３５００"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepWidth()).String(post))
	// Output:
	// visa 3500
	// ｖｉｓａ 3500
}

func ExampleKeepCase() {
	post := "Minsk Минск"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepCase()).String(post))
	// Output:
	// minsk минск
	// Minsk Минск
}

func ExampleKeepElongation() {
	post := "تهرييييب مضموووون"
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepElongation()).String(post))
	// Output:
	// تهريب مضمون
	// تهرييييب مضموووون
}

func ExampleKeepPresentationForms() {
	post := "ﻣﻬﺮﺏ" // presentation forms, as some keyboards and PDFs emit them
	fmt.Println(normalize.String(post))
	fmt.Println(normalize.New(normalize.KeepPresentationForms()).String(post))
	// Output:
	// مهرب
	// ﻣﻬﺮﺏ
}
