package extract

// The word tables. Every entry is written folded (foldArabic, ASCII lower
// case) and collapsed (no letter written twice in a row, see word), which
// is why "dollar" appears as "dolar" and "facebook" as "facebok";
// TestTablesAreFolded fails on an entry that is not. Lookups go through
// lookupWord, which also strips the Arabic proclitics و ب ل ف ك ع ال, so the
// tables hold stems only (يورو matches اليورو, باليورو, واليورو).
//
// Tables are switch statements: immutable, allocation-free for a []byte key,
// and readable in a diff.

// family groups the currencies that share one word (dinar, lira, riyal,
// dirham, pound, rouble) so that a following nationality adjective can say
// which one is meant ("ليرة تركية" is TRY, "دينار اردني" is JOD).
type family uint8

const (
	famNone family = iota
	famDinar
	famLira
	famRiyal
	famDirham
	famPound
	famRouble
)

// currencyWord maps a currency word or ISO code to its ISO 4217 code.
//
// Where one word names several currencies, the bare word takes the currency
// of the route's largest group of posters, and an adjective refines it
// (qualifiedCurrency):
//   - دينار is IQD: Iraqis are the largest group on the Belarus route, and
//     "مليون دينار" prices are Iraqi-scale. Followed by اردني, كويتي, ليبي… it
//     is JOD, KWD, LYD…
//   - ليرة is SYP (Syrian posters); تركية makes it TRY, لبنانية LBP.
//   - ريال is SAR, درهم AED, جنيه EGP, روبل RUB, each refined the same way.
//
// scale converts the amount to the ISO currency's unit: the toman (تومان),
// the unit Iranians quote prices in, is ten rials (IRR).
func currencyWord(k []byte) (code string, fam family, scale float64) {
	switch string(k) {
	case "دولار", "دولارات", "دولا", "دولر", "دلار", "دولارا",
		"usd", "dolar", "dolars", "dolarat":
		return "USD", famNone, 1
	case "يورو", "يوروات", "اورو", "euro", "euros", "eur", "ewro", "evro":
		return "EUR", famNone, 1
	case "باوند", "استرليني", "pound", "pounds", "gbp", "sterling":
		return "GBP", famNone, 1
	case "دينار", "دنانير", "دينارا", "dinar", "dinars", "iqd":
		return "IQD", famDinar, 1
	case "jod":
		return "JOD", famNone, 1
	case "kwd":
		return "KWD", famNone, 1
	case "lyd":
		return "LYD", famNone, 1
	case "tnd":
		return "TND", famNone, 1
	case "dzd":
		return "DZD", famNone, 1
	case "bhd":
		return "BHD", famNone, 1
	case "ليره", "ليرات", "lira", "liras", "syp":
		return "SYP", famLira, 1
	case "tl":
		return "TRY", famNone, 1
	case "lbp":
		return "LBP", famNone, 1
	case "جنيه", "جنيهات", "جنيها", "egp":
		return "EGP", famPound, 1
	case "sdg":
		return "SDG", famNone, 1
	case "ريال", "ريالات", "riyal", "rial", "sar":
		return "SAR", famRiyal, 1
	case "ir": // "irr", collapsed
		return "IRR", famNone, 1
	case "تومان", "تومن", "toman", "tomans":
		return "IRR", famNone, 10
	case "omr":
		return "OMR", famNone, 1
	case "qar":
		return "QAR", famNone, 1
	case "yer":
		return "YER", famNone, 1
	case "درهم", "دراهم", "dirham", "dirhams", "aed":
		return "AED", famDirham, 1
	case "روبل", "روبلات", "rub", "ruble", "rubles", "rouble", "roubles":
		return "RUB", famRouble, 1
	case "byn", "byr":
		return "BYN", famNone, 1
	case "زلوتي", "زلوت", "زلوتيات", "pln", "zloty", "zlotys", "zlotych":
		return "PLN", famNone, 1
	case "هريفنيا", "uah", "hryvnia":
		return "UAH", famNone, 1
	}
	return "", famNone, 0
}

// qualifiedCurrency refines a currency family by the nationality adjective
// that follows it. stem is the folded adjective with its article and its
// adjective ending (ي, يه, ه) already cut: سوريه → سور, العراقي → عراق.
func qualifiedCurrency(fam family, stem []byte) string {
	s := string(stem)
	switch fam {
	case famDinar:
		switch s {
		case "عراق":
			return "IQD"
		case "اردن":
			return "JOD"
		case "كويت":
			return "KWD"
		case "ليب":
			return "LYD"
		case "تونس":
			return "TND"
		case "جزاير", "جزائر":
			return "DZD"
		case "بحرين":
			return "BHD"
		}
	case famLira:
		switch s {
		case "سور":
			return "SYP"
		case "ترك":
			return "TRY"
		case "لبنان":
			return "LBP"
		}
	case famRiyal:
		switch s {
		case "سعود":
			return "SAR"
		case "ايران":
			return "IRR"
		case "عمان":
			return "OMR"
		case "قطر":
			return "QAR"
		case "يمن":
			return "YER"
		}
	case famDirham:
		switch s {
		case "امارات":
			return "AED"
		case "مغرب":
			return "MAD"
		}
	case famPound:
		switch s {
		case "مصر":
			return "EGP"
		case "سودان":
			return "SDG"
		case "استرلين", "انكليز", "انجليز", "بريطان":
			return "GBP"
		}
	case famRouble:
		switch s {
		case "روس":
			return "RUB"
		case "بيلاروس", "بلاروس":
			return "BYN"
		}
	}
	return ""
}

// currencyAbbrev maps the dotted two-letter abbreviations of shop signs and
// price lists (ل.س, د.ع…) to ISO codes. The key is the two folded letters.
// د.إ (AED) and د.أ (JOD) fold to the same letters and are left out.
func currencyAbbrev(a, b string) string {
	switch a + "." + b {
	case "ل.س":
		return "SYP"
	case "ل.ل":
		return "LBP"
	case "ل.ت":
		return "TRY"
	case "د.ع":
		return "IQD"
	case "د.ك":
		return "KWD"
	case "د.ل":
		return "LYD"
	case "ج.م":
		return "EGP"
	case "ر.س":
		return "SAR"
	case "ر.ع":
		return "OMR"
	case "ر.ق":
		return "QAR"
	}
	return ""
}

// multiplierWord is a magnitude word written after a number: "3 الاف",
// "1.5 مليون", "5 مية", "5k", "3 alf". الاف/تلاف (the plural after 3–10) and
// ملايين only ever multiply; الف, مليون and مية also stand alone as numbers
// (numberWord).
func multiplierWord(k []byte) float64 {
	switch string(k) {
	case "الف", "الاف", "تلاف", "k", "alf", "alaf", "thousand":
		return 1e3
	case "مليون", "ملاين", "milion", "milyon":
		return 1e6
	case "ميه", "مئه", "مائه":
		return 1e2
	}
	return 0
}

// numberWord is a spelled-out number that can open a price: "خمسمية دولار",
// "الفين يورو", "عشرين الف". Units and tens need a multiplier or a currency
// after them to make a price (price.go); the magnitudes (100 and up) can also
// stand alone after a price cue ("السعر الفين").
func numberWord(k []byte) float64 {
	switch string(k) {
	case "واحد":
		return 1
	case "اثنين", "اتنين", "اثنان":
		return 2
	case "ثلاث", "ثلاثه", "تلات", "تلاته":
		return 3
	case "اربع", "اربعه":
		return 4
	case "خمس", "خمسه":
		return 5
	case "ست", "سته":
		return 6
	case "سبع", "سبعه":
		return 7
	case "ثمان", "ثماني", "ثمانيه", "تمن", "تمان", "تمانيه", "تمنيه":
		return 8
	case "تسع", "تسعه":
		return 9
	case "عشر", "عشره":
		return 10
	case "عشرين":
		return 20
	case "ثلاثين", "تلاتين":
		return 30
	case "اربعين":
		return 40
	case "خمسين":
		return 50
	case "ستين":
		return 60
	case "سبعين":
		return 70
	case "ثمانين", "تمانين":
		return 80
	case "تسعين":
		return 90
	case "ميه", "مئه", "مائه":
		return 100
	case "ميتين", "مئتين", "مائتين", "ميتان", "مئتان", "مائتان":
		return 200
	case "تلتميه", "تلاتميه", "ثلاثميه", "ثلاثمئه", "ثلاثمائه":
		return 300
	case "اربعميه", "اربعمئه", "اربعمائه":
		return 400
	case "خمسميه", "خمسمئه", "خمسمائه":
		return 500
	case "ستميه", "ستمئه", "ستمائه":
		return 600
	case "سبعميه", "سبعمئه", "سبعمائه":
		return 700
	case "ثمانميه", "ثمانمئه", "ثمانمائه", "تمنميه", "تمانميه":
		return 800
	case "تسعميه", "تسعمئه", "تسعمائه":
		return 900
	case "الف", "alf":
		return 1e3
	case "الفين", "الفان", "alfen", "alfein", "alfain", "alfin":
		return 2e3
	case "مليون", "milion", "milyon":
		return 1e6
	case "مليونين", "مليونان":
		return 2e6
	}
	return 0
}

// slangWord is money slang that carries its own unit, in US dollars: in Iraq
// and Syria a ورقة ("sheet") is a 100-dollar bill and a دفتر ("notebook") a
// bundle of one hundred of them, 10,000 dollars. "3 ورقات" is 300 USD. Both
// are everyday words (paper, document, notebook), so a slang word is a price
// only after a number: "ورقة" alone is not.
func slangWord(k []byte) float64 {
	switch string(k) {
	case "ورقه", "ورقات", "waraqa":
		return 100
	case "دفتر", "دفاتر":
		return 1e4
	}
	return 0
}

// halfWord is the fraction a dialect adds after a magnitude: "الف ونص" is
// 1,500, "3 الاف وربع" 3,250. It returns 0 for any other word. fracAfterWaw
// is the same for the split spelling "و نص".
func halfWord(k []byte) float64 {
	switch string(k) {
	case "ونص", "ونصف":
		return 0.5
	case "وربع":
		return 0.25
	}
	return 0
}

func fracAfterWaw(k []byte) float64 {
	switch string(k) {
	case "نص", "نصف":
		return 0.5
	case "ربع":
		return 0.25
	}
	return 0
}

// pinWord is a word that announces a shared location: the loanword لوكيشن
// in its spellings, موقع ("location", also "website": a weak signal the
// classifier weighs), "location" and "pin" in Latin script.
func pinWord(k []byte) bool {
	switch string(k) {
	case "لوكيشن", "لوكيشين", "لوكيشان", "لوكشن", "لوكيشنات", "لوكيشنك", "لوكيشني",
		"موقع", "موقعي", "موقعك",
		"location", "locations", "lokeshen", "lokation", "pin":
		return true
	}
	return false
}

// priceCue is a word that makes a bare magnitude a price: "السعر 3 الاف",
// "بـ 5 الاف", "مقابل الفين". Without a cue, "3 الاف مهاجر" (3,000 migrants)
// is not money.
func priceCue(k []byte) bool {
	switch string(k) {
	case "ب", "سعر", "سعره", "سعرها", "اسعار", "تكلفه", "كلفه", "مبلغ", "مقابل",
		"دفع", "ادفع", "تدفع", "يدفع",
		"price", "cost", "costs", "pay", "fe", "fes":
		return true
	}
	return false
}

// platformWord names the messenger a following bare @name belongs to:
// "تلغرام @abu_x", "insta: @abu_x". Only platforms with @usernames are here;
// WhatsApp, Viber and imo contacts are phone numbers.
func platformWord(k []byte) string {
	switch string(k) {
	case "تلغرام", "تليغرام", "تلجرام", "تليجرام", "تلكرام", "تليكرام", "تيليجرام",
		"تيليغرام", "تيلغرام", "تيليكرام", "تيلجرام", "تلقرام", "تليقرام", "تلي", "تيلي",
		"telegram", "tele", "tg":
		return "telegram"
	case "انستا", "انستغرام", "انستقرام", "انستجرام", "انستكرام", "انستاغرام",
		"انستاجرام", "انستاكرام", "insta", "instagram", "ig":
		return "instagram"
	case "فيسبوك", "فيس", "facebok", "fb":
		return "facebook"
	case "تيكتوك", "تيك", "tiktok":
		return "tiktok"
	case "سناب", "سنابشات", "snap", "snapchat":
		return "snapchat"
	case "سيغنال", "سيجنال", "سكنال", "signal":
		return "signal"
	}
	return ""
}

// stemIter yields the collapsed lookup keys of a word: the word as written,
// then its stems with proclitics stripped (see stems). Each key is a slice
// of the word's collapsed letters, so looking a word up copies nothing.
type stemIter struct {
	offs [8]int
	n, i int
}

func (it *stemIter) reset(w *word) {
	it.i, it.n = 0, 0
	if w.long || w.n == 0 {
		return
	}
	it.n = stems(w.prefix(), w.n, w.latin, &it.offs)
}

func (it *stemIter) next(w *word) ([]byte, bool) {
	if it.i >= it.n {
		return nil, false
	}
	o := it.offs[it.i]
	it.i++
	return w.suffixKey(o), true
}

// wordTable names a table for lookupWord.
type wordTable uint8

const (
	tabMultiplier wordTable = iota + 1
	tabSlang
	tabCue
	tabPlatform
)

// lookupWord tries the word and its stems against one table and returns the
// first hit: the multiplier or slang unit as v, 1 for a price cue, the
// platform as name. The tables are called directly, not through a function
// value, so the stem buffer stays on the stack.
func lookupWord(w *word, tab wordTable) (v float64, name string) {
	var it stemIter
	it.reset(w)
	for k, ok := it.next(w); ok; k, ok = it.next(w) {
		switch tab {
		case tabMultiplier:
			v = multiplierWord(k)
		case tabSlang:
			v = slangWord(k)
		case tabCue:
			if priceCue(k) {
				v = 1
			}
		case tabPlatform:
			name = platformWord(k)
		}
		if v != 0 || name != "" {
			return v, name
		}
	}
	return 0, ""
}
