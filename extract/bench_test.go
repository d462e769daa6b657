package extract

import (
	"strings"
	"testing"
)

// Benchmarks named BenchmarkExtract/<case>/<size>: NoSignals is the bulk of
// a monitor's input (Arabic chatter and news), Signals a smuggler's ad with
// every kind of signal. Each reports MB/s and allocs/op; a reused Signals
// must show 0 allocs/op for both.

// signalAd is an ad with a signal of each kind in several forms, including
// forms that allocate an E.164 string (national and "00" numbers).
const signalAd = `🔥 طريق مضمون من بيلاروسيا لالمانيا 🔥 الفيزا بـ 3 الاف والتهريب 4000 يورو، ` +
	`الدفع على مراحل. للتواصل واتساب +375 29 000 1234 او ٠٧٧٠ ٠٠٠ ١٢٣٤ او wa.me/9647700001234 ` +
	`تلغرام @abu_x او https://t.me/abu_x — نقطة التسليم 53.9006, 27.5590 ` +
	`https://maps.app.goo.gl/AbC000 📍 السعر للطفل 550$ وللكبير ٧٥٠ دولار.`

func benchTexts(base string) map[string]string {
	return map[string]string{
		"post": base,
		"1KB":  repeatTo(base, 1<<10),
		"64KB": repeatTo(base, 64<<10),
	}
}

func repeatTo(s string, n int) string {
	return strings.Repeat(s+"\n", n/(len(s)+1)+1)[:n]
}

func BenchmarkExtract(b *testing.B) {
	for _, c := range []struct{ name, text string }{{"NoSignals", arabicPost}, {"Signals", signalAd}} {
		for _, size := range []string{"post", "1KB", "64KB"} {
			text := benchTexts(c.text)[size]
			b.Run(c.name+"/"+size, func(b *testing.B) {
				var dst Signals
				AppendAll(&dst, text)
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					AppendAll(&dst, text)
				}
			})
		}
	}
}

// BenchmarkKinds measures each per-kind function and Profile alone on the
// post without signals, to show where AppendAll's time goes.
func BenchmarkKinds(b *testing.B) {
	text := repeatTo(arabicPost, 64<<10)
	phones := make([]Phone, 0, 8)
	prices := make([]Price, 0, 8)
	run := map[string]func(){
		"AppendPhones": func() { phones = AppendPhones(phones[:0], text) },
		"AppendPrices": func() { prices = AppendPrices(prices[:0], text) },
		"Profile":      func() { _ = Profile(text) },
	}
	for _, name := range []string{"AppendPhones", "AppendPrices", "Profile"} {
		f := run[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
		})
	}
}

// BenchmarkWorstCase runs the inputs of TestLinearTime that do the most
// work per byte, to keep the worst case in view while tuning.
func BenchmarkWorstCase(b *testing.B) {
	cases := map[string]string{
		"digit_groups": strings.Repeat("0 ", 32<<10),
		"minus_digit":  strings.Repeat("-1", 32<<10),
		"at_signs":     strings.Repeat("@ab ", 16<<10),
		"arabic_words": strings.Repeat("الف ", 8<<10),
	}
	for _, name := range []string{"digit_groups", "minus_digit", "at_signs", "arabic_words"} {
		text := cases[name]
		b.Run(name, func(b *testing.B) {
			var dst Signals
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				AppendAll(&dst, text)
			}
		})
	}
}
