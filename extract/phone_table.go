package extract

// callingCode gives the region (ISO 3166-1 alpha-2) and the bounds on the
// length of the national significant number (NSN, the digits after the
// country code, without a trunk prefix) for a country calling code.
//
// The table covers the route's countries of origin (Iraq, Syria, Lebanon,
// Jordan, Yemen, Egypt, the Maghreb, the Gulf, Iran, Afghanistan…), of
// transit (Belarus, Russia, Turkey, the Balkans, Libya…) and of destination
// (the EU and its neighbours), plus the other codes posters use. Lengths
// follow the ITU national numbering plans as summarised by libphonenumber's
// metadata; where a plan mixes lengths (Germany, Austria, Italy) the bounds
// are its whole range, because a too-tight bound loses real numbers and the
// "+" or "00" prefix already makes the match specific.
//
// Country calling codes are prefix-free (no code is a prefix of another), so
// at most one of the first 1, 2 or 3 digits of a number is a code.
func callingCode(cc string) (region string, min, max int, ok bool) {
	switch cc {
	case "1":
		return "US", 10, 10, true // NANP; Canada is told apart by area code
	case "7":
		return "RU", 10, 10, true // Kazakhstan by its 6/7 prefix
	case "20":
		return "EG", 8, 10, true
	case "30":
		return "GR", 10, 10, true
	case "31":
		return "NL", 9, 9, true
	case "32":
		return "BE", 8, 9, true
	case "33":
		return "FR", 9, 9, true
	case "34":
		return "ES", 9, 9, true
	case "36":
		return "HU", 8, 9, true
	case "39":
		return "IT", 6, 11, true
	case "40":
		return "RO", 9, 9, true
	case "41":
		return "CH", 9, 9, true
	case "43":
		return "AT", 7, 13, true
	case "44":
		return "GB", 9, 10, true
	case "45":
		return "DK", 8, 8, true
	case "46":
		return "SE", 7, 10, true
	case "47":
		return "NO", 8, 8, true
	case "48":
		return "PL", 9, 9, true
	case "49":
		return "DE", 6, 13, true
	case "86":
		return "CN", 10, 11, true
	case "90":
		return "TR", 10, 10, true
	case "91":
		return "IN", 10, 10, true
	case "92":
		return "PK", 9, 10, true
	case "93":
		return "AF", 9, 9, true
	case "98":
		return "IR", 10, 10, true
	case "212":
		return "MA", 9, 9, true
	case "213":
		return "DZ", 8, 9, true
	case "216":
		return "TN", 8, 8, true
	case "218":
		return "LY", 8, 9, true
	case "222":
		return "MR", 8, 8, true
	case "249":
		return "SD", 9, 9, true
	case "251":
		return "ET", 9, 9, true
	case "252":
		return "SO", 7, 9, true
	case "253":
		return "DJ", 8, 8, true
	case "291":
		return "ER", 7, 7, true
	case "351":
		return "PT", 9, 9, true
	case "352":
		return "LU", 6, 11, true
	case "353":
		return "IE", 7, 9, true
	case "354":
		return "IS", 7, 7, true
	case "355":
		return "AL", 8, 9, true
	case "356":
		return "MT", 8, 8, true
	case "357":
		return "CY", 8, 8, true
	case "358":
		return "FI", 6, 11, true
	case "359":
		return "BG", 7, 9, true
	case "370":
		return "LT", 8, 8, true
	case "371":
		return "LV", 8, 8, true
	case "372":
		return "EE", 7, 8, true
	case "373":
		return "MD", 8, 8, true
	case "374":
		return "AM", 8, 8, true
	case "375":
		return "BY", 9, 9, true
	case "380":
		return "UA", 9, 9, true
	case "381":
		return "RS", 8, 10, true
	case "382":
		return "ME", 8, 8, true
	case "383":
		return "XK", 8, 9, true
	case "385":
		return "HR", 8, 9, true
	case "386":
		return "SI", 8, 8, true
	case "387":
		return "BA", 8, 9, true
	case "389":
		return "MK", 8, 8, true
	case "420":
		return "CZ", 9, 9, true
	case "421":
		return "SK", 9, 9, true
	case "880":
		return "BD", 10, 10, true
	case "961":
		return "LB", 7, 8, true
	case "962":
		return "JO", 8, 9, true
	case "963":
		return "SY", 8, 9, true
	case "964":
		return "IQ", 8, 10, true
	case "965":
		return "KW", 8, 8, true
	case "966":
		return "SA", 8, 9, true
	case "967":
		return "YE", 7, 9, true
	case "968":
		return "OM", 8, 8, true
	case "970":
		return "PS", 8, 9, true
	case "971":
		return "AE", 8, 9, true
	case "972":
		return "IL", 8, 9, true
	case "973":
		return "BH", 8, 8, true
	case "974":
		return "QA", 8, 8, true
	case "994":
		return "AZ", 9, 9, true
	case "995":
		return "GE", 9, 9, true
	}
	return "", 0, 0, false
}

// canadianAreaCode reports whether a NANP area code is Canadian; every other
// NANP number is reported as US (which also covers the Caribbean members of
// the plan: none of them matters on these routes).
func canadianAreaCode(a string) bool {
	switch a {
	case "204", "226", "236", "249", "250", "257", "263", "289", "306", "343", "354",
		"365", "367", "368", "382", "387", "403", "416", "418", "428", "431", "437",
		"438", "450", "460", "468", "474", "506", "514", "519", "548", "579", "581",
		"584", "587", "604", "613", "639", "647", "672", "683", "705", "709", "742",
		"753", "778", "780", "782", "807", "819", "825", "867", "873", "879", "902",
		"905", "942":
		return true
	}
	return false
}

// nationalFormat recognises a number written without a country code, by the
// trunk prefix, the operator prefix and the exact length that only one of the
// route's countries uses. It returns the country code, the NSN (a sub-slice
// of d) and the region, or ok=false.
//
// The rule is "unambiguous among the countries whose people post in Arabic
// about these routes". Known collisions with countries outside that set are
// accepted on purpose and listed here, because in an Arabic post about the
// route the Arabic-speaking reading is overwhelmingly the right one:
//
//	0 7[3-9]X XXX XXXX (11 digits)  IQ mobile (Asiacell, Zain, Korek…)   also UK mobile 07…
//	0 7[789] XXX XXXX  (10 digits)  JO mobile                            —
//	0 9[3-689]X XXX XXX (10 digits) SY mobile (Syriatel, MTN)            also Libyan 093–095, Egyptian 09x landlines
//	0 5[0-5]X XXX XX XX (11 digits) TR mobile                            —
//	0 3 XXX XXX         (8 digits)  LB mobile (Alfa/touch 03)            —
//	0 7[016789]/81 XXX XXX (9)      LB mobile written with the old 0      —
//	0 1[012] XXXX XXXX  (11 digits) EG mobile                            also UK 011x/012x landlines
//	0 1[5-7]X …         (11–12)     DE mobile (015x/016x/017x)           also UK 015x–017x landlines
//	8 0 (25|29|33|44) XXX XX XX     BY mobile with the 8 trunk prefix      —
//	8 0 1[5-7] / 2[123] …  (11)     BY landline (Minsk, Brest, Grodno…)  —
//	8 9XX XXX XX XX     (11 digits) RU mobile with the 8 trunk prefix    —
//
// Left out because they are ambiguous within the set: Saudi and Emirati
// mobiles (both 05X XXX XXXX), Lebanese 7x/8x numbers written without the 0
// (any 8-digit number), Polish, Lithuanian and other numbers without a trunk
// prefix, Ukrainian 0XX (collides with SY), Belarusian 0XX without the 8
// (collides with Cairo 02 and Iraqi landlines).
func nationalFormat(d []byte) (cc string, nsn []byte, region string, ok bool) {
	n := len(d)
	if n < 8 || d[0] != '0' && d[0] != '8' {
		return "", nil, "", false
	}
	in := func(c byte, set string) bool {
		for i := 0; i < len(set); i++ {
			if set[i] == c {
				return true
			}
		}
		return false
	}
	if d[0] == '8' {
		if n != 11 {
			return "", nil, "", false
		}
		switch {
		case d[1] == '0':
			switch string(d[2:4]) {
			case "25", "29", "33", "44", "15", "16", "17", "21", "22", "23":
				return "375", d[2:], "BY", true
			}
		case d[1] == '9':
			return "7", d[1:], "RU", true
		}
		return "", nil, "", false
	}
	switch d[1] {
	case '7':
		switch {
		case n == 11 && in(d[2], "3456789"):
			return "964", d[1:], "IQ", true
		case n == 10 && in(d[2], "789"):
			return "962", d[1:], "JO", true
		case n == 9 && in(d[2], "016789"):
			return "961", d[1:], "LB", true
		}
	case '8':
		if n == 9 && d[2] == '1' {
			return "961", d[1:], "LB", true
		}
	case '9':
		if n == 10 && in(d[2], "345689") {
			return "963", d[1:], "SY", true
		}
	case '5':
		if n == 11 && in(d[2], "012345") {
			return "90", d[1:], "TR", true
		}
	case '3':
		if n == 8 {
			return "961", d[1:], "LB", true
		}
	case '1':
		switch {
		case n == 11 && in(d[2], "012"):
			return "20", d[1:], "EG", true
		case (n == 11 || n == 12) && in(d[2], "567"):
			return "49", d[1:], "DE", true
		}
	}
	return "", nil, "", false
}
