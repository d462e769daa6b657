package extract

import "strings"

// Handles.
//
// From links (the Handle's span is the whole link):
//
//	t.me/NAME, telegram.me/NAME, t.me/s/NAME   telegram  NAME
//	t.me/+CODE, t.me/joinchat/CODE             telegram  +CODE, CODE (invites)
//	tg://resolve?domain=NAME, tg://join?invite=CODE
//	wa.me/DIGITS, api.whatsapp.com/send?phone=, whatsapp://send?phone=
//	                                           whatsapp  DIGITS (and a Phone)
//	chat.whatsapp.com/CODE                     whatsapp  CODE (group invite)
//	whatsapp.com/channel/CODE, wa.me/message/CODE
//	facebook.com/NAME, fb.com/NAME, m./web./mbasic.facebook.com, m.me/NAME
//	facebook.com/groups/NAME_OR_ID, profile.php?id=ID
//	instagram.com/NAME, instagr.am/NAME        instagram
//	tiktok.com/@NAME                           tiktok
//	snapchat.com/add/NAME                      snapchat
//	invite.viber.com/?g2=CODE, chats.viber.com/NAME, viber://chat?number=
//	                                           viber (and a Phone for numbers)
//	signal.me/#p/+DIGITS, signal.group/#CODE   signal
//	imo.im/NAME                                imo
//
// A wa.me link is reported three times, as a URL, a Phone and a whatsapp
// Handle, on purpose: Phones answers "which numbers", Handles "which
// messengers", and a classifier feature such as "has a WhatsApp contact"
// should not have to know that wa.me is WhatsApp. Features that count
// contacts should count one of the two, not both.
//
// A bare @NAME (ASCII letters, digits, "_" and "."; two to 64 characters
// with a letter; not preceded by a letter, digit, "_" or "." as in an e-mail
// address) takes its platform from the last platform word before it on the
// same line ("تلغرام: @abu_x", "insta @abu_x"), else Platform is "".

// at handles "@" at t[i].
func (s *scanner) at(i int) int {
	t := s.t
	if i > 0 {
		if c := t[i-1]; isASCIIAlnum(c) || c == '_' || c == '.' {
			return i + 1
		}
	}
	j := i + 1
	letter := false
	for j < len(t) && (isASCIIAlnum(t[j]) || t[j] == '_' || t[j] == '.') {
		letter = letter || isASCIILetter(t[j])
		j++
	}
	for j > i+1 && t[j-1] == '.' {
		j--
	}
	if n := j - i - 1; n < 2 || n > 64 || !letter {
		return max(j, i+1)
	}
	s.addHandle(Handle{Platform: s.platformBefore(i), Handle: t[i+1 : j], Start: i, End: j})
	return j
}

// platformBefore returns the platform named by the last platform word before
// t[i] on its line. The words are read lazily from where the previous call
// stopped, so all calls together read the text once.
func (s *scanner) platformBefore(i int) string {
	if s.want&wantHandles == 0 {
		return ""
	}
	t := s.t
	j := s.ctxPos
	for j < i {
		if c := t[j]; c == '\n' || c == '\r' {
			s.ctxPlatform = ""
			j++
			continue
		}
		if wordStartsAt(t, j) {
			var w word
			readWord(t, j, &w)
			if _, p := lookupWord(&w, tabPlatform); p != "" {
				s.ctxPlatform = p
			}
			j = w.end
			continue
		}
		j += runeSize(t, j)
	}
	s.ctxPos = i
	return s.ctxPlatform
}

// handleName reports whether name is a username of the given character set:
// ASCII letters and digits plus the bytes in extra.
func handleName(name, extra string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for k := 0; k < len(name); k++ {
		if c := name[k]; !isASCIIAlnum(c) && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// linkHandle reports the handle (and the phone) a messenger or social link
// carries. host is lower case, without "www.".
func (s *scanner) linkHandle(u urlSpan, host string) {
	if s.want&(wantHandles|wantPhones) == 0 {
		return
	}
	t := s.t
	rest := t[u.hostEnd:u.end]
	base := u.hostEnd
	if len(rest) > 0 && rest[0] == ':' { // a port
		k := 1
		for k < len(rest) && isASCIIDigit(rest[k]) {
			k++
		}
		rest, base = rest[k:], base+k
	}
	add := func(platform, name string) {
		if name != "" {
			s.addHandle(Handle{Platform: platform, Handle: name, Start: u.start, End: u.end})
		}
	}
	seg := func(n int) string {
		a, b, ok := pathSegment(rest, n)
		if !ok {
			return ""
		}
		return rest[a:b]
	}
	// phoneParam reports the phone in query parameter name, and its digits
	// as the handle.
	phoneParam := func(platform, name string) {
		a, b, ok := queryParamAt(rest, name)
		if !ok {
			return
		}
		s.linkPhone(base+a, base+b)
		add(platform, digitsOf(rest[a:b]))
	}

	switch u.scheme {
	case "viber":
		switch host {
		case "chat", "add":
			phoneParam("viber", "number")
		case "pa":
			if v, ok := queryParam(rest, "chatURI"); ok {
				add("viber", v)
			}
		}
		return
	case "whatsapp":
		if host == "send" {
			phoneParam("whatsapp", "phone")
		}
		return
	case "tg":
		switch host {
		case "resolve":
			if v, ok := queryParam(rest, "domain"); ok && handleName(v, "_") {
				add("telegram", v)
			}
		case "join":
			if v, ok := queryParam(rest, "invite"); ok && handleName(v, "_-") {
				add("telegram", v)
			}
		}
		return
	}

	switch host {
	case "t.me", "telegram.me", "telegram.dog":
		name := seg(1)
		switch strings.ToLower(name) {
		case "s":
			name = seg(2)
		case "joinchat":
			if code := seg(2); handleName(code, "_-") {
				add("telegram", code)
			}
			return
		case "c", "share", "addstickers", "addemoji", "proxy", "socks", "iv", "login",
			"setlanguage", "addtheme", "boost", "addlist", "":
			return
		}
		if len(name) > 1 && name[0] == '+' {
			if a, b, ok := pathSegment(rest, 1); ok && allDigits(name[1:]) {
				s.linkPhone(base+a, base+b) // t.me/+<phone>
			}
			if handleName(name[1:], "_-") {
				add("telegram", name)
			}
			return
		}
		if handleName(name, "_") {
			add("telegram", name)
		}
	case "wa.me":
		name := seg(1)
		if strings.EqualFold(name, "message") {
			if code := seg(2); handleName(code, "_-") {
				add("whatsapp", code)
			}
			return
		}
		if a, b, ok := pathSegment(rest, 1); ok && len(name) > 0 && allDigits(strings.TrimPrefix(name, "+")) {
			s.linkPhone(base+a, base+b)
			add("whatsapp", digitsOf(name))
		}
	case "api.whatsapp.com", "web.whatsapp.com", "whatsapp.com":
		switch strings.ToLower(seg(1)) {
		case "send":
			phoneParam("whatsapp", "phone")
		case "channel":
			if code := seg(2); handleName(code, "_-") {
				add("whatsapp", code)
			}
		}
	case "chat.whatsapp.com":
		if code := seg(1); handleName(code, "_-") {
			add("whatsapp", code)
		}
	case "facebook.com", "m.facebook.com", "web.facebook.com", "mbasic.facebook.com",
		"touch.facebook.com", "mobile.facebook.com", "business.facebook.com", "fb.com", "m.fb.com":
		name := seg(1)
		switch strings.ToLower(name) {
		case "groups", "people", "pages":
			name = seg(2)
		case "profile.php":
			name, _ = queryParam(rest, "id")
		case "share", "sharer", "sharer.php", "watch", "photo", "photo.php", "photos", "story.php",
			"permalink.php", "events", "hashtag", "login", "login.php", "help", "policies", "reel",
			"reels", "marketplace", "gaming", "dialog", "plugins", "l.php", "video.php", "videos",
			"media", "notes", "messages", "home.php", "privacy", "settings", "ads", "business",
			"legal", "terms", "about", "search", "stories", "friends", "bookmarks", "notifications":
			return
		}
		add("facebook", name)
	case "fb.me", "m.me":
		add("facebook", seg(1))
	case "instagram.com", "m.instagram.com", "instagr.am":
		name := seg(1)
		switch strings.ToLower(name) {
		case "stories":
			name = seg(2)
		case "p", "reel", "reels", "tv", "explore", "accounts", "direct", "about", "legal",
			"developer", "web", "s":
			return
		}
		if handleName(name, "_.") {
			add("instagram", name)
		}
	case "tiktok.com", "m.tiktok.com":
		if name := seg(1); len(name) > 1 && name[0] == '@' && handleName(name[1:], "_.") {
			add("tiktok", name[1:])
		}
	case "snapchat.com":
		name := seg(1)
		if strings.EqualFold(name, "add") {
			name = seg(2)
		} else if len(name) > 1 && name[0] == '@' {
			name = name[1:]
		} else {
			return
		}
		if handleName(name, "_.-") {
			add("snapchat", name)
		}
	case "invite.viber.com":
		for _, p := range [...]string{"g2", "g"} {
			if v, ok := queryParam(rest, p); ok {
				add("viber", v)
				return
			}
		}
	case "chats.viber.com":
		if name := seg(1); handleName(name, "_.-") {
			add("viber", name)
		}
	case "signal.me":
		if k := strings.Index(rest, "#p/"); k >= 0 {
			a := k + 3
			b := a
			if b < len(rest) && rest[b] == '+' {
				b++
			}
			for b < len(rest) && isASCIIDigit(rest[b]) {
				b++
			}
			s.linkPhone(base+a, base+b)
			add("signal", digitsOf(rest[a:b]))
		} else if k := strings.IndexByte(rest, '#'); k >= 0 && k+1 < len(rest) {
			add("signal", rest[k+1:])
		}
	case "signal.group":
		if k := strings.IndexByte(rest, '#'); k >= 0 && k+1 < len(rest) {
			add("signal", rest[k+1:])
		}
	case "imo.im":
		if name := seg(1); handleName(name, "_.-") {
			add("imo", name)
		}
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for k := 0; k < len(s); k++ {
		if !isASCIIDigit(s[k]) {
			return false
		}
	}
	return true
}

// digitsOf returns the digits of a link's phone parameter as written,
// without a leading "+" or "%2B": a substring, so no allocation.
func digitsOf(v string) string {
	switch {
	case strings.HasPrefix(v, "+"):
		v = v[1:]
	case len(v) >= 3 && v[0] == '%' && v[1] == '2' && (v[2] == 'B' || v[2] == 'b'):
		v = v[3:]
	}
	k := 0
	for k < len(v) && isASCIIDigit(v[k]) {
		k++
	}
	return v[:k]
}
