package harness

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// CompareClauses orders clause ids as the document does: 一 before 二,
// 二(二) before 二(十四), 二(一)3(1) before 二(一)3(2) and after 二(一)3; a
// clause that is a heading's own text (施行, 结语, 末段) comes after the
// numbered ones, as the closing words of a document do.
func CompareClauses(a, b string) int {
	ka, oka := clauseKey(a)
	kb, okb := clauseKey(b)
	switch {
	case oka && okb:
		if c := slices.Compare(ka, kb); c != 0 {
			return c
		}
	case oka != okb:
		if oka {
			return -1
		}
		return 1
	}
	return cmp.Compare(a, b)
}

// clauseKey reads a clause id as numbers, one per level: 二(一)3(1) is
// [2 1 3 1]. It reports false for an id that is not numbered.
func clauseKey(id string) ([]int, bool) {
	var key []int
	rest := id
	for rest != "" {
		open := strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（")
		if open {
			_, size := firstRune(rest)
			rest = rest[size:]
		}
		n, size := leadingNumber(rest)
		if size == 0 {
			return nil, false
		}
		key = append(key, n)
		rest = rest[size:]
		if open {
			if !strings.HasPrefix(rest, ")") && !strings.HasPrefix(rest, "）") {
				return nil, false
			}
			_, size := firstRune(rest)
			rest = rest[size:]
		}
	}
	return key, len(key) > 0
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

var chineseDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// leadingNumber reads an arabic number or a Chinese numeral up to 99 (十,
// 十四, 二十, 二十一) at the start of s, returning it and its length in bytes.
func leadingNumber(s string) (int, int) {
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end > 0 {
		n, err := strconv.Atoi(s[:end])
		if err != nil {
			return 0, 0
		}
		return n, end
	}
	var n, tens, size int
	seenTen := false
	for _, r := range s {
		switch d, ok := chineseDigits[r]; {
		case r == '十' && !seenTen:
			seenTen = true
			tens = max(n, 1)
			n = 0
		case ok && n == 0:
			n = d
		default:
			return tens*10 + n, size
		}
		size += len(string(r))
	}
	return tens*10 + n, size
}
