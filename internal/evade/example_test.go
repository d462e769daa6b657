package evade_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/ghurbal/ghurbal/internal/evade"
)

func ExampleApply() {
	rng := rand.New(rand.NewPCG(1, 2))
	fmt.Println(evade.Apply("مهرب الى المانيا عن طريق بيلاروسيا", evade.DotLetters, rng))
	// Output:
	// م.ه.ر.ب الى ا.ل.م.ا.ن.ي.ا عن ط.ر.ي.ق ب.ي.ل.ا.ر.و.س.ي.ا
}

func ExampleMethod() {
	post := "تهريب الى المانيا، واتساب 00963944123456"
	for _, m := range evade.Methods {
		// %q shows the invisible characters ZeroWidth inserts.
		fmt.Printf("%-12v %q\n", m, evade.Apply(post, m, rand.New(rand.NewPCG(3, 4))))
	}
	// Output:
	// SpaceLetters "ت ه ر ي ب   ا ل ى   ا ل م ا ن ي ا، و ا ت س ا ب 00963944123456"
	// DotLetters   "ت-ه-ر-ي-ب الى ا-ل-م-ا-ن-ي-ا، و-ا-ت-س-ا-ب 00963944123456"
	// ZeroWidth    "تهري\u200bب الى ا\u200dل\u200dمان\u200dيا، و\u200cات\u200cس\u200bاب 00963944123456"
	// Tatweel      "تهريــــب الى الـمـــانيا، واتــســــاب 00963944123456"
	// Elongate     "تهريببببب الى المانيييييييا، واتساببببب 00963944123456"
	// Diacritics   "تهريِب الى الِمانيُا، وَاتُسَاب 00963944123456"
	// LookAlikes   "تهریب الى المانیا، واتساب 00963944123456"
	// PhoneDigits  "تهريب الى المانيا، واتساب ۰۰٩۶.۳٩.۴۴١.2۳۴٥٦"
	// Emojis       "تهريب 📍🇧🇾❤️ الى المانيا 🌍🌍، واتساب 📍📍📍 00963944123456"
	// Arabizi      "threeb الى elmaanyaa، watsab 00963944123456"
	// Combined     "ت\u200b ہ ر\u200d ي\u200c ب   ا\u200c ل\u200c ی   ا ل م ا\u200b ن ی ا، و\u200d ا\u200d ت\u200b س\u200c ا\u200c ب ٠0-۹۶-٣٩٤-٤١-2٣٤5٦"
}

func ExampleMethod_String() {
	fmt.Println(evade.Tatweel, evade.Method(0))
	// Output: Tatweel Method(0)
}

func ExampleApplyAll() {
	rng := rand.New(rand.NewPCG(1, 2))
	post := "فيزا بيلاروسيا مضمونة، للتواصل +964 770 555 1234"
	fmt.Println(evade.ApplyAll(post, []evade.Method{evade.Tatweel, evade.LookAlikes, evade.PhoneDigits}, rng))
	// Output:
	// فـــیزا بيــــلاروسیا مضمونة، للتواصل +٩ 6 ۴ ٧ ٧ ٠ ٥ ٥ ٥ ١ ٢ ٣ ٤
}

func ExampleRewriter_Apply() {
	// Only the key word, whatever its spelling, and with its prefix.
	r := evade.Rewriter{Keywords: []string{"الغابة"}, Rate: -1}
	rng := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.Apply("نمشي بالغابه ساعتين لحد السياج", evade.SpaceLetters, rng))
	// Output:
	// نمشي   ب ا ل غ ا ب ه   س ا ع ت ي ن   لحد السياج
}

func ExampleRewriter_ApplyAll() {
	r := evade.Rewriter{Keywords: []string{"مهرب"}, Rate: -1}
	rng := rand.New(rand.NewPCG(5, 6))
	fmt.Printf("%q\n", r.ApplyAll("ابحث عن مهرب امين", []evade.Method{evade.Elongate, evade.ZeroWidth, evade.Emojis}, rng))
	// Output:
	// "ابحث عن م\u200bهررررب 🚶👇 امين"
}

func ExampleToArabizi() {
	for _, w := range []string{"مهرب", "مُهَرِّب", "تهريب", "الحدود", "واتساب", "المانيا", "تأشيرة"} {
		fmt.Println(w, evade.ToArabizi(w))
	}
	// Output:
	// مهرب mhrb
	// مُهَرِّب muharrib
	// تهريب thrib
	// الحدود al7dod
	// واتساب watsab
	// المانيا almanya
	// تأشيرة t2shira
}

func ExampleDefaultKeywords() {
	fmt.Println(evade.DefaultKeywords()[:4])
	// Output:
	// [مهرب مهربين تهريب فيزا]
}

func ExampleDefaultRewriter() {
	r := evade.DefaultRewriter()
	fmt.Println(len(r.Keywords) > 0, r.Rate)
	// Output: true 0.3
}

func ExampleEquivalents() {
	for _, class := range evade.Equivalents() {
		fmt.Println(string(class))
	}
	// Output:
	// اأإآ
	// يىیے
	// كک
	// هةہە
}
