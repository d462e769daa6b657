package extract_test

import (
	"fmt"

	"github.com/ghurbal/ghurbal/extract"
)

// Phones written with or without a country code come out in E.164, with
// the span of the number as written.
func ExamplePhone() {
	post := "واتساب +375 29 000 12 34 او 00964 770 000 1234"
	for _, p := range extract.Extract(post).Phones {
		fmt.Printf("%s %s %q\n", p.E164, p.Country, post[p.Start:p.End])
	}
	// Output:
	// +375290001234 BY "+375 29 000 12 34"
	// +9647700001234 IQ "00964 770 000 1234"
}

// A price in words or digits, with its currency.
func ExamplePrice() {
	post := "الطريق لالمانيا ٤٥٠٠ يورو، العربون الف دولار"
	for _, p := range extract.Extract(post).Prices {
		fmt.Printf("%g %s %q\n", p.Amount, p.Currency, post[p.Start:p.End])
	}
	// Output:
	// 4500 EUR "٤٥٠٠ يورو"
	// 1000 USD "الف دولار"
}

// A bare @name takes its platform from a platform word before it on its
// line.
func ExampleHandle() {
	post := "راسلونا تلغرام @abu_x\n@ali_000"
	for _, h := range extract.Extract(post).Handles {
		fmt.Printf("%q %s %q\n", h.Platform, h.Handle, post[h.Start:h.End])
	}
	// Output:
	// "telegram" abu_x "@abu_x"
	// "" ali_000 "@ali_000"
}

func ExampleURL() {
	post := "القروب: https://t.me/+AbC000 والتفاصيل على example.com/visa"
	for _, u := range extract.Extract(post).URLs {
		fmt.Println(u.Host, u.URL)
	}
	// Output:
	// t.me https://t.me/+AbC000
	// example.com example.com/visa
}

// A shared place is coordinates, a maps link or a word announcing one.
func ExampleLocation() {
	post := "📍 نقطة اللقاء 53.9006, 27.5590 والخريطة https://maps.google.com/?q=53.90,27.56"
	for _, l := range extract.Extract(post).Locations {
		switch l.Kind {
		case extract.KindCoords, extract.KindMapLink:
			fmt.Printf("%s %.2f,%.2f\n", l.Kind, l.Lat, l.Lon)
		case extract.KindPin:
			fmt.Printf("%s %q\n", l.Kind, post[l.Start:l.End])
		}
	}
	// Output:
	// pin "📍"
	// coords 53.90,27.56
	// map_link 53.90,27.56
}

// A service keeps what a post gives for a reviewer: how to reach the
// poster and what they charge.
func ExampleSignals() {
	s := extract.Extract("تهريب لليونان 2500$ واتساب +90 555 000 12 34")
	if len(s.Phones) > 0 && len(s.Prices) > 0 {
		fmt.Println(s.Phones[0].Country, s.Prices[0].Amount, s.Prices[0].Currency)
	}
	// Output: TR 2500 USD
}

// The script profile tells Arabic-script posts, Arabizi and English apart.
func ExampleScript() {
	for _, post := range []string{"مهرب لالمانيا", "mohareb la almanya, 3ala tool", "smuggler to Germany"} {
		s := extract.Profile(post)
		fmt.Printf("%.2f %.2f %v\n", s.ArabicShare(), s.LatinShare(), s.ArabiziLikely)
	}
	// Output:
	// 1.00 0.00 false
	// 0.00 1.00 true
	// 0.00 1.00 false
}
