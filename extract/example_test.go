package extract_test

import (
	"encoding/json"
	"fmt"

	"github.com/ghurbal/ghurbal/extract"
)

// A smuggler's ad: every signal with its span in the original text.
func Example() {
	post := "طريق مضمون لالمانيا 4000 يورو، واتساب +375 29 000 1234 تلغرام @abu_x لوكيشن 53.9006, 27.5590"
	s := extract.Extract(post)
	for _, p := range s.Phones {
		fmt.Printf("phone %s %s %q\n", p.E164, p.Country, post[p.Start:p.End])
	}
	for _, p := range s.Prices {
		fmt.Printf("price %g %s %q\n", p.Amount, p.Currency, post[p.Start:p.End])
	}
	for _, h := range s.Handles {
		fmt.Printf("handle %s %s %q\n", h.Platform, h.Handle, post[h.Start:h.End])
	}
	for _, l := range s.Locations {
		fmt.Printf("location %s %.4f,%.4f %q\n", l.Kind, l.Lat, l.Lon, post[l.Start:l.End])
	}
	// Output:
	// phone +375290001234 BY "+375 29 000 1234"
	// price 4000 EUR "4000 يورو"
	// handle telegram abu_x "@abu_x"
	// location pin 0.0000,0.0000 "لوكيشن"
	// location coords 53.9006,27.5590 "53.9006, 27.5590"
}

func ExampleExtract() {
	s := extract.Extract("للتواصل ٠٧٧٠ ٠٠٠ ١٢٣٤ والسعر 3 الاف دولار")
	fmt.Println(s.Phones[0].E164, s.Phones[0].Country)
	fmt.Println(s.Prices[0].Amount, s.Prices[0].Currency)
	// Output:
	// +9647700001234 IQ
	// 3000 USD
}

// A worker keeps one Signals and reuses it for every post: once its slices
// have grown, AppendAll allocates nothing.
func ExampleAppendAll() {
	var s extract.Signals
	for _, post := range []string{"الفيزا 1850$", "مرحبا بالجميع", "t.me/abu_x"} {
		extract.AppendAll(&s, post)
		fmt.Println(len(s.Prices), len(s.Handles), len(s.URLs))
	}
	// Output:
	// 1 0 0
	// 0 0 0
	// 0 1 1
}

func ExampleSignals_Reset() {
	s := extract.Extract("5000$")
	s.Reset()
	fmt.Println(len(s.Prices), cap(s.Prices) > 0)
	// Output: 0 true
}

// Empty kinds are written as [], as the output contract requires.
func ExampleSignals_MarshalJSON() {
	b, _ := json.Marshal(extract.Extract("السعر 2,500 euro"))
	fmt.Println(string(b))
	// Output:
	// {"phones":[],"prices":[{"amount":2500,"currency":"EUR","start":11,"end":21}],"handles":[],"urls":[],"locations":[],"script":{"arabic":5,"persian_kurdish":0,"latin":4,"digits":4,"other":0,"arabizi_likely":false}}
}

func ExampleAppendPhones() {
	post := "واتس 9647700001234+ او wa.me/375290001234 وليس 2021/11/08"
	for _, p := range extract.AppendPhones(nil, post) {
		fmt.Printf("%s %s %q\n", p.E164, p.Country, post[p.Start:p.End])
	}
	// Output:
	// +9647700001234 IQ "9647700001234+"
	// +375290001234 BY "375290001234"
}

func ExampleAppendPrices() {
	post := "الفيزا ٣ ورقات والتهريب الفين ونص يورو و 500 ليرة تركية، 3 الاف مهاجر"
	for _, p := range extract.AppendPrices(nil, post) {
		fmt.Printf("%g %s %q\n", p.Amount, p.Currency, post[p.Start:p.End])
	}
	// Output:
	// 300 USD "٣ ورقات"
	// 2500 EUR "الفين ونص يورو"
	// 500 TRY "500 ليرة تركية"
}

func ExampleAppendHandles() {
	post := "انستا @abu.x وتلغرام https://t.me/joinchat/AbCd0000 والقروب chat.whatsapp.com/AbC000"
	for _, h := range extract.AppendHandles(nil, post) {
		fmt.Printf("%s %s\n", h.Platform, h.Handle)
	}
	// Output:
	// instagram abu.x
	// telegram AbCd0000
	// whatsapp AbC000
}

func ExampleAppendURLs() {
	post := "التفاصيل هنا: https://example.com/belarus، وهنا www.example.org."
	for _, u := range extract.AppendURLs(nil, post) {
		fmt.Println(u.URL, u.Host)
	}
	// Output:
	// https://example.com/belarus example.com
	// www.example.org www.example.org
}

func ExampleAppendLocations() {
	post := "نقطة التسليم ٥٣٫٩٠٠٦، ٢٧٫٥٥٩٠ او https://maps.app.goo.gl/AbC000 📍"
	for _, l := range extract.AppendLocations(nil, post) {
		fmt.Printf("%s %.4f %.4f\n", l.Kind, l.Lat, l.Lon)
	}
	// Output:
	// coords 53.9006 27.5590
	// map_link 0.0000 0.0000
	// pin 0.0000 0.0000
}

func ExampleProfile() {
	fmt.Printf("%+v\n", extract.Profile("yalla 7abibi, ta7reeb la almanya"))
	fmt.Printf("%+v\n", extract.Profile("قچقچي بيلاروسيا 2021"))
	// Output:
	// {Arabic:0 PersianKurdish:0 Latin:25 Digits:2 Other:0 ArabiziLikely:true}
	// {Arabic:12 PersianKurdish:2 Latin:0 Digits:4 Other:0 ArabiziLikely:false}
}

func ExampleScript_Letters() {
	fmt.Println(extract.Profile("abc مرحبا 12").Letters())
	// Output: 8
}

func ExampleScript_ArabicShare() {
	fmt.Printf("%.3f\n", extract.Profile("abc مرحبا").ArabicShare())
	// Output: 0.625
}

func ExampleScript_ArabicScriptShare() {
	fmt.Printf("%.2f\n", extract.Profile("abc گچپ مرحبا").ArabicScriptShare())
	// Output: 0.73
}

func ExampleScript_PersianKurdishShare() {
	fmt.Printf("%.2f\n", extract.Profile("قچقچي").PersianKurdishShare())
	// Output: 0.40
}

func ExampleScript_LatinShare() {
	fmt.Printf("%.2f\n", extract.Profile("visa فيزا").LatinShare())
	// Output: 0.50
}

func ExampleScript_OtherShare() {
	fmt.Printf("%.2f\n", extract.Profile("виза فيزا").OtherShare())
	// Output: 0.50
}

func ExampleScript_DigitShare() {
	fmt.Printf("%.2f\n", extract.Profile("٣٥٠٠ دولار").DigitShare())
	// Output: 0.44
}
