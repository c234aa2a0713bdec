package announce

import (
	"math/big"
	"regexp"
	"strings"
)

const (
	amountRe   = `(\d[\d,]*(?:\.\d+)?)\s*(万|萬|k|K)?`
	tokenRe    = `\$?([A-Z][A-Z0-9]{1,9})\b`
	poolWord   = `(?i:總獎池|总奖池|獎池|奖池|獎金池|奖金池|總獎金|总奖金|總獎勵|总奖励|總獎勵池|总奖励池|prize pool|reward pool|total prizes?|total rewards?|共|瓜分|平分|share|split|總計|总计|合计|合計)`
	prizeAfter = `(?i:prize pool|reward pool|in prizes|in rewards|獎池|奖池|獎勵|奖励|獎金|奖金)`
)

// poolForms capture (amount, multiplier, token), strongest first.
var poolForms = []*regexp.Regexp{
	regexp.MustCompile(poolWord + `\s*(?:總額|总额|金額|金额|總計|总计)?\s*(?::|为|為|of|is)?\s*(?i:高達|高达|up to)?\s*\$?\s*` + amountRe + `\s*(?:枚|個|个)?\s*` + tokenRe),
	regexp.MustCompile(amountRe + `\s*(?:枚|個|个)?\s*` + tokenRe + `\s*` + prizeAfter),
	regexp.MustCompile(`\$\s*` + amountRe + `\s*(?i:in|worth of|of)\s+` + tokenRe),
}

// dollarPool is "$5,000 prize pool": the token is then US dollars.
var dollarPool = regexp.MustCompile(`\$\s*` + amountRe + `\s*` + prizeAfter)

func inferPool(lines []line, inf *Inferred) {
	for _, re := range poolForms {
		for _, l := range lines {
			if amount, token, ok := readPool(re, l.fold); ok {
				inf.setPool(amount, token, l)
				return
			}
		}
	}
	for _, l := range lines {
		if m := dollarPool.FindStringSubmatch(l.fold); m != nil {
			if amount, ok := decimalText(m[1], m[2]); ok {
				inf.setPool(amount, "USD", l)
				return
			}
		}
	}
}

func (inf *Inferred) setPool(amount, token string, l line) {
	inf.Pool, inf.Token = amount, token
	inf.note("rewards.pool", l)
	inf.note("rewards.token", l)
}

func readPool(re *regexp.Regexp, s string) (amount, token string, ok bool) {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	amount, ok = decimalText(m[1], m[2])
	return amount, m[3], ok
}

// decimalText turns "1,250" or "1.5" with a multiplier (万, k) into plain
// decimal text, exactly: amounts never pass through a float.
func decimalText(num, mult string) (string, bool) {
	num = strings.ReplaceAll(num, ",", "")
	if len(num) > 40 {
		return "", false
	}
	r, ok := new(big.Rat).SetString(num)
	if !ok || r.Sign() <= 0 {
		return "", false
	}
	switch mult {
	case "万", "萬":
		r.Mul(r, big.NewRat(10000, 1))
	case "k", "K":
		r.Mul(r, big.NewRat(1000, 1))
	}
	prec, exact := r.FloatPrec()
	if !exact || prec > 18 {
		return "", false
	}
	return r.FloatString(prec), true
}

// fracDigits counts the decimal places of plain decimal text.
func fracDigits(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}
